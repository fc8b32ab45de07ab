package org.dbchooser.impl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.eclipse.microprofile.config.Config;

/**
 * dbchooser's configuration, read once from MicroProfile Config when the application
 * deploys, validated, then frozen. Every problem found is added to the list given, so
 * that the deployment reports them all at once.
 */
record DbChooserConfig(List<Pattern> masterPatterns, List<Pattern> slavePatterns, Set<String> slaveMethods,
        String masterUnit, String slaveUnit) {

    /** The methods of RFC 9110 and RFC 5789 (PATCH). */
    static final List<String> HTTP_METHODS =
            List.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "TRACE", "CONNECT");

    static DbChooserConfig read(Config config, List<String> problems) {
        checkKeys(config, problems);
        List<Pattern> master = patterns(config, ConfigKeys.MASTER, problems);
        List<Pattern> slave = patterns(config, ConfigKeys.SLAVE, problems);
        Set<String> methods = methods(config, problems);
        String masterUnit = unit(config, ConfigKeys.MASTER_UNIT, ConfigKeys.DEFAULT_MASTER_UNIT, problems);
        String slaveUnit = unit(config, ConfigKeys.SLAVE_UNIT, ConfigKeys.DEFAULT_SLAVE_UNIT, problems);
        if (masterUnit != null && masterUnit.equals(slaveUnit)) {
            problems.add(Messages.sameUnit(ConfigKeys.MASTER_UNIT, ConfigKeys.SLAVE_UNIT, masterUnit));
        }
        return new DbChooserConfig(master, slave, methods, masterUnit, slaveUnit);
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
            if (ours && !ConfigKeys.ALL.contains(withoutIndex(name)) && !environmentNames.contains(name)) {
                problems.add(Messages.unknownKey(name, ConfigKeys.ALL));
            }
        }
    }

    private static String withoutIndex(String name) {
        int bracket = name.indexOf('[');
        return bracket > 0 && name.endsWith("]") ? name.substring(0, bracket) : name;
    }

    /**
     * The entries of a list key: either one value split at unescaped commas, or, as
     * YAML sources give lists, indexed keys {@code key[0]}, {@code key[1]}, ... one
     * entry each.
     */
    private static List<String> entries(Config config, String key) {
        Optional<String> whole = config.getOptionalValue(key, String.class);
        if (whole.isPresent()) {
            return ConfigLists.split(whole.get());
        }
        List<String> indexed = new ArrayList<>();
        for (int i = 0; ; i++) {
            Optional<String> entry = config.getOptionalValue(key + "[" + i + "]", String.class);
            if (entry.isEmpty()) {
                return indexed;
            }
            indexed.add(entry.get().trim());
        }
    }

    private static List<Pattern> patterns(Config config, String key, List<String> problems) {
        List<Pattern> compiled = new ArrayList<>();
        for (String entry : entries(config, key)) {
            if (entry.isEmpty()) {
                problems.add(Messages.emptyPattern(key, config.getOptionalValue(key, String.class).orElse("")));
                continue;
            }
            try {
                compiled.add(Pattern.compile(entry));
            } catch (PatternSyntaxException e) {
                problems.add(Messages.invalidPattern(key, entry, e.getDescription() + " near index " + e.getIndex()));
            }
        }
        return List.copyOf(compiled);
    }

    private static Set<String> methods(Config config, List<String> problems) {
        String raw = config.getOptionalValue(ConfigKeys.SLAVE_METHODS, String.class).orElse(ConfigKeys.DEFAULT_SLAVE_METHODS);
        Set<String> methods = new LinkedHashSet<>();
        for (String method : ConfigLists.split(raw)) {
            if (HTTP_METHODS.contains(method)) {
                methods.add(method);
            } else {
                problems.add(Messages.unknownHttpMethod(ConfigKeys.SLAVE_METHODS, method, HTTP_METHODS));
            }
        }
        return Collections.unmodifiableSet(methods); // in the order written, for messages
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
