package org.dbchooser.impl.config;

import org.dbchooser.impl.ConfigKeys;
import org.dbchooser.impl.Messages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.eclipse.microprofile.config.Config;

/**
 * dbchooser's configuration, read once from MicroProfile Config when the application
 * deploys, validated, then frozen. Every problem found is added to the list given, so
 * that the deployment reports them all at once.
 */
public record DbChooserConfig(List<Pattern> masterPatterns, List<Pattern> slavePatterns, Set<String> slaveMethods,
        String masterUnit, List<String> slaveUnits, boolean slaveFallback, Duration maxLag, boolean readOnly,
        Duration healthInterval, ReadYourWrites readYourWrites, Duration readYourWritesWait, Duration readYourWritesPin) {

    /** {@code db_chooser.read-your-writes}. */
    public enum ReadYourWrites {
        OFF, LSN, TIME
    }

    /** The methods of RFC 9110 and RFC 5789 (PATCH). */
    static final List<String> HTTP_METHODS =
            List.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "TRACE", "CONNECT");

    public static DbChooserConfig read(Config config, List<String> problems) {
        checkKeys(config, problems);
        List<Pattern> master = patterns(config, ConfigKeys.MASTER, problems);
        List<Pattern> slave = patterns(config, ConfigKeys.SLAVE, problems);
        Set<String> methods = methods(config, problems);
        String masterUnit = unit(config, ConfigKeys.MASTER_UNIT, ConfigKeys.DEFAULT_MASTER_UNIT, problems);
        List<String> slaveUnits = slaveUnits(config, problems);
        if (masterUnit != null && slaveUnits.contains(masterUnit)) {
            problems.add(Messages.sameUnit(ConfigKeys.MASTER_UNIT, ConfigKeys.SLAVE_UNIT, masterUnit));
        }
        boolean slaveFallback = bool(config, ConfigKeys.SLAVE_FALLBACK, true, problems);
        Duration maxLag = config.getOptionalValue(ConfigKeys.MAX_LAG, String.class)
                .map(raw -> duration(ConfigKeys.MAX_LAG, raw, Duration.ZERO, problems)).orElse(null);
        boolean readOnly = bool(config, ConfigKeys.READ_ONLY, false, problems);
        Duration healthInterval = duration(ConfigKeys.HEALTH_INTERVAL, config.getOptionalValue(ConfigKeys.HEALTH_INTERVAL,
                String.class).orElse(ConfigKeys.DEFAULT_HEALTH_INTERVAL), Duration.ofMillis(10), problems);
        ReadYourWrites readYourWrites = readYourWritesMode(config, problems);
        Duration wait = duration(ConfigKeys.READ_YOUR_WRITES_WAIT, config.getOptionalValue(ConfigKeys.READ_YOUR_WRITES_WAIT,
                String.class).orElse(ConfigKeys.DEFAULT_READ_YOUR_WRITES_WAIT), Duration.ZERO, problems);
        Duration pin = duration(ConfigKeys.READ_YOUR_WRITES_PIN, config.getOptionalValue(ConfigKeys.READ_YOUR_WRITES_PIN,
                String.class).orElse(ConfigKeys.DEFAULT_READ_YOUR_WRITES_PIN), Duration.ofSeconds(1), problems);
        return new DbChooserConfig(master, slave, methods, masterUnit, slaveUnits, slaveFallback, maxLag, readOnly,
                healthInterval, readYourWrites, wait, pin);
    }

    private static ReadYourWrites readYourWritesMode(Config config, List<String> problems) {
        String raw = config.getOptionalValue(ConfigKeys.READ_YOUR_WRITES, String.class).map(String::trim).orElse("off");
        for (ReadYourWrites mode : ReadYourWrites.values()) {
            if (mode.name().equalsIgnoreCase(raw)) {
                return mode;
            }
        }
        problems.add(Messages.notAReadYourWritesMode(ConfigKeys.READ_YOUR_WRITES, raw));
        return ReadYourWrites.OFF;
    }

    /** Only {@code true} or {@code false}: a typo must not silently mean false. */
    private static boolean bool(Config config, String key, boolean defaultValue, List<String> problems) {
        Optional<String> raw = config.getOptionalValue(key, String.class).map(String::trim);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        if (raw.get().equalsIgnoreCase("true") || raw.get().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(raw.get());
        }
        problems.add(Messages.notABoolean(key, raw.get()));
        return defaultValue;
    }

    /** {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h}, or ISO-8601 ({@code PT0.5S}); at least {@code minimum}. */
    private static Duration duration(String key, String raw, Duration minimum, List<String> problems) {
        Duration parsed = Durations.parse(raw.trim());
        if (parsed == null) {
            problems.add(Messages.notADuration(key, raw));
            return null;
        }
        if (parsed.compareTo(minimum) < 0) {
            problems.add(Messages.durationTooShort(key, raw, Durations.format(minimum)));
            return null;
        }
        return parsed;
    }

    /** A typo in a key name would otherwise silently route with the defaults. */
    private static void checkKeys(Config config, List<String> problems) {
        Set<String> environmentNames = new LinkedHashSet<>();
        for (String key : ConfigKeys.ALL) {
            environmentNames.add(ConfigKeys.environmentName(key));
        }
        String environmentPrefix = ConfigKeys.environmentName(ConfigKeys.PREFIX);
        for (String name : config.getPropertyNames()) {
            boolean ours = name.startsWith(ConfigKeys.PREFIX) || name.startsWith(environmentPrefix);
            boolean known = ConfigKeys.ALL.contains(name) || environmentNames.contains(name)
                    || ConfigKeys.LISTS.stream().anyMatch(list -> index(name, list) >= 0);
            if (ours && !known) {
                problems.add(Messages.unknownKey(name, ConfigKeys.ALL));
            }
        }
    }

    /** N when {@code name} is {@code list[N]}, else -1. */
    private static int index(String name, String list) {
        if (!name.startsWith(list + "[") || !name.endsWith("]")) {
            return -1;
        }
        String digits = name.substring(list.length() + 1, name.length() - 1);
        return !digits.isEmpty() && digits.length() < 9 && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                ? Integer.parseInt(digits) : -1;
    }

    /** One entry of a list key, with the key and raw value it came from, for messages. */
    private record Entry(String key, String raw, String value) {
    }

    /**
     * The entries of a list key: either one value split at unescaped commas, or, as
     * YAML sources give lists, indexed keys {@code key[0]}, {@code key[1]}, ... one
     * entry each, in index order (gaps allowed).
     */
    private static List<Entry> entries(Config config, String key, String defaultValue) {
        List<Entry> entries = new ArrayList<>();
        Optional<String> whole = config.getOptionalValue(key, String.class);
        if (whole.isPresent() || defaultValue != null) {
            String raw = whole.orElse(defaultValue);
            for (String value : ConfigLists.split(raw)) {
                entries.add(new Entry(key, raw, value));
            }
            if (whole.isPresent()) {
                return entries;
            }
        }
        SortedMap<Integer, String> indexed = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            int i = index(name, key);
            if (i >= 0) {
                config.getOptionalValue(name, String.class).ifPresent(value -> indexed.put(i, value));
            }
        }
        if (!indexed.isEmpty()) {
            entries.clear();
            indexed.forEach((i, raw) -> entries.add(new Entry(key + "[" + i + "]", raw, raw.trim())));
        }
        return entries;
    }

    private static List<Pattern> patterns(Config config, String key, List<String> problems) {
        List<Pattern> compiled = new ArrayList<>();
        for (Entry entry : entries(config, key, null)) {
            if (entry.value().isEmpty()) {
                problems.add(Messages.emptyPattern(entry.key(), entry.raw()));
                continue;
            }
            try {
                compiled.add(Pattern.compile(entry.value()));
            } catch (PatternSyntaxException e) {
                problems.add(Messages.invalidPattern(entry.key(), entry.value(), e.getDescription() + " near index " + e.getIndex()));
            }
        }
        return List.copyOf(compiled);
    }

    private static Set<String> methods(Config config, List<String> problems) {
        Set<String> methods = new LinkedHashSet<>();
        for (Entry entry : entries(config, ConfigKeys.SLAVE_METHODS, ConfigKeys.DEFAULT_SLAVE_METHODS)) {
            if (HTTP_METHODS.contains(entry.value())) {
                methods.add(entry.value());
            } else {
                problems.add(Messages.unknownHttpMethod(entry.key(), entry.value(), HTTP_METHODS));
            }
        }
        return Collections.unmodifiableSet(methods); // in the order written, for messages
    }

    /**
     * The standbys' persistence units, one per standby, each judged on its own; one unit
     * (a standby, or several behind one URL judged as one) by default.
     */
    private static List<String> slaveUnits(Config config, List<String> problems) {
        String raw = config.getConfigValue(ConfigKeys.SLAVE_UNIT).getRawValue();
        if (raw != null && raw.isBlank()) {
            problems.add(Messages.blankUnitName(ConfigKeys.SLAVE_UNIT, raw));
            return List.of();
        }
        Set<String> units = new LinkedHashSet<>();
        for (Entry entry : entries(config, ConfigKeys.SLAVE_UNIT, ConfigKeys.DEFAULT_SLAVE_UNIT)) {
            if (entry.value().isEmpty()) {
                problems.add(Messages.emptyUnitEntry(entry.key(), entry.raw()));
            } else if (!units.add(entry.value())) {
                problems.add(Messages.repeatedUnit(entry.key(), entry.raw(), entry.value()));
            }
        }
        return List.copyOf(units);
    }

    /**
     * MicroProfile Config treats an empty value as absent; a value set but blank is
     * still a mistake worth stopping for, so the raw value is checked too.
     */
    private static String unit(Config config, String key, String defaultName, List<String> problems) {
        String raw = config.getConfigValue(key).getRawValue();
        if (raw != null && raw.isBlank()) {
            problems.add(Messages.blankUnitName(key, raw));
            return null;
        }
        return config.getOptionalValue(key, String.class).map(String::trim).orElse(defaultName);
    }
}
