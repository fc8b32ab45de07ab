package org.dbchooser.impl.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * {@link DbChooserConfig#read}, against real MicroProfile configs built with SmallRye
 * Config from one properties source (no system properties, no environment). Java
 * string literals double each backslash.
 */
public class DbChooserConfigTest {

    private static final String KNOWN_METHODS = "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE, TRACE, CONNECT";
    private static final String KNOWN_KEYS =
            "db_chooser.master, db_chooser.slave, db_chooser.slave-methods, db_chooser.master-unit, db_chooser.slave-unit,"
                    + " db_chooser.slave-fallback, db_chooser.max-lag, db_chooser.read-only, db_chooser.health-interval,"
                    + " db_chooser.read-your-writes, db_chooser.read-your-writes-wait, db_chooser.read-your-writes-pin";

    private final List<String> problems = new ArrayList<>();

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
    }

    private DbChooserConfig read(Map<String, String> properties) {
        return DbChooserConfig.read(config(properties), problems);
    }

    private static List<String> regexes(List<Pattern> patterns) {
        return patterns.stream().map(Pattern::pattern).toList();
    }

    // --- defaults

    @Test
    void anEmptyConfigGivesTheDefaults() {
        DbChooserConfig config = read(Map.of());

        assertThat(config.masterPatterns()).isEmpty();
        assertThat(config.slavePatterns()).isEmpty();
        assertThat(config.slaveMethods()).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS");
        assertThat(config.masterUnit()).isEqualTo("master");
        assertThat(config.slaveUnits()).containsExactly("slave");
        assertThat(problems).isEmpty();
    }

    @Test
    void keysOutsideDbChooserAreIgnored() {
        DbChooserConfig config = read(Map.of("other.master", "x", "db_chooserx", "y", "quarkus.datasource.url", "z"));

        assertThat(config.masterPatterns()).isEmpty();
        assertThat(problems).isEmpty();
    }

    // --- patterns

    @Test
    void masterAndSlavePatternsAreReadInOrder() {
        DbChooserConfig config = read(Map.of(
                "db_chooser.master", "GET /short/create.*, POST /a",
                "db_chooser.slave", "POST /search"));

        assertThat(regexes(config.masterPatterns())).containsExactly("GET /short/create.*", "POST /a");
        assertThat(regexes(config.slavePatterns())).containsExactly("POST /search");
        assertThat(problems).isEmpty();
    }

    @Test
    void patternsKeepTheirBackslashes() {
        DbChooserConfig config = read(Map.of(
                "db_chooser.slave", "\\w+ /printproxy/.*",
                "db_chooser.master", "GET /items/\\d+,GET /a\\.b"));

        assertThat(regexes(config.slavePatterns())).containsExactly("\\w+ /printproxy/.*");
        assertThat(regexes(config.masterPatterns())).containsExactly("GET /items/\\d+", "GET /a\\.b");
        assertThat(config.slavePatterns().get(0).matcher("POST /printproxy/x").lookingAt()).isTrue();
        assertThat(problems).isEmpty();
    }

    @Test
    void aBackslashCommaPutsACommaInsideAPattern() {
        DbChooserConfig config = read(Map.of("db_chooser.master", "GET /x{1\\,3}/y,POST /z"));

        assertThat(regexes(config.masterPatterns())).containsExactly("GET /x{1,3}/y", "POST /z");
        assertThat(problems).isEmpty();
    }

    @Test
    void aPatternMayEndWithADollarAnchor() {
        DbChooserConfig config = read(Map.of("db_chooser.master", "GET /items$"));

        assertThat(regexes(config.masterPatterns())).containsExactly("GET /items$");
        assertThat(problems).isEmpty();
    }

    @Test
    void indexedKeysGiveOneEntryEach() {
        DbChooserConfig config = read(Map.of(
                "db_chooser.master[0]", "GET /a, b",
                "db_chooser.master[1]", " \\w+ /printproxy/.* ",
                "db_chooser.slave[0]", "POST /search"));

        assertThat(regexes(config.masterPatterns())).containsExactly("GET /a, b", "\\w+ /printproxy/.*");
        assertThat(regexes(config.slavePatterns())).containsExactly("POST /search");
        assertThat(problems).isEmpty();
    }

    @Test
    void indexedKeysAreReadInIndexOrder() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 11; i >= 0; i--) {
            properties.put("db_chooser.master[" + i + "]", "GET /p" + i);
        }

        DbChooserConfig config = read(properties);

        assertThat(regexes(config.masterPatterns())).containsExactly("GET /p0", "GET /p1", "GET /p2", "GET /p3",
                "GET /p4", "GET /p5", "GET /p6", "GET /p7", "GET /p8", "GET /p9", "GET /p10", "GET /p11");
        assertThat(problems).isEmpty();
    }

    /**
     * checkKeys accepts {@code db_chooser.master[2]} as a known key, so the entry must
     * either be read or reported; today it is silently dropped because reading stops
     * at the first missing index.
     */
    @Test
    void anIndexedPatternAfterAGapIsReadOrReported() {
        DbChooserConfig config = read(Map.of(
                "db_chooser.master[0]", "GET /a",
                "db_chooser.master[2]", "GET /c"));

        assertThat(regexes(config.masterPatterns()).contains("GET /c") || !problems.isEmpty())
                .as("db_chooser.master[2] is neither read (patterns %s) nor reported (problems %s)",
                        regexes(config.masterPatterns()), problems)
                .isTrue();
    }

    /** An index on a key that holds one value is never read: a typo checkKeys exists to catch. */
    @Test
    void anIndexOnASingleValuedKeyIsReported() {
        read(Map.of("db_chooser.master-unit[0]", "primary"));

        assertThat(problems).singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("DBCHOOSER-107: unknown configuration key 'db_chooser.master-unit[0]'");
    }

    @Test
    void theWholeKeyWinsOverIndexedKeys() {
        DbChooserConfig config = read(Map.of(
                "db_chooser.master", "GET /whole",
                "db_chooser.master[0]", "GET /indexed"));

        assertThat(regexes(config.masterPatterns())).containsExactly("GET /whole");
        assertThat(problems).isEmpty();
    }

    // --- methods and units

    @Test
    void slaveMethodsAreReadAndTrimmed() {
        DbChooserConfig config = read(Map.of("db_chooser.slave-methods", " GET , POST "));

        assertThat(config.slaveMethods()).containsExactlyInAnyOrder("GET", "POST");
        assertThat(problems).isEmpty();
    }

    @Test
    void unitsAreReadAndTrimmed() {
        DbChooserConfig config = read(Map.of(
                "db_chooser.master-unit", " primary ",
                "db_chooser.slave-unit", "replica"));

        assertThat(config.masterUnit()).isEqualTo("primary");
        assertThat(config.slaveUnits()).containsExactly("replica");
        assertThat(problems).isEmpty();
    }

    @Test
    void severalStandbysAreListedEachWithItsUnit() {
        DbChooserConfig config = read(Map.of("db_chooser.slave-unit", "standby-a, standby-b,standby-c"));

        assertThat(config.slaveUnits()).containsExactly("standby-a", "standby-b", "standby-c");
        assertThat(problems).isEmpty();
    }

    @Test
    void standbysCanBeListedAsIndexedKeys() {
        DbChooserConfig config = read(Map.of("db_chooser.slave-unit[0]", "standby-a", "db_chooser.slave-unit[1]", "standby-b"));

        assertThat(config.slaveUnits()).containsExactly("standby-a", "standby-b");
        assertThat(problems).isEmpty();
    }

    @Test
    void aStandbyListedTwiceOrAMasterListedAsAStandbyIsReported() {
        DbChooserConfig config = read(Map.of("db_chooser.slave-unit", "standby-a,primary,standby-a",
                "db_chooser.master-unit", "primary"));

        assertThat(problems).containsExactly(
                "DBCHOOSER-113: db_chooser.slave-unit = 'standby-a,primary,standby-a' names the persistence unit"
                        + " 'standby-a' twice; list each standby's unit once",
                "DBCHOOSER-105: db_chooser.master-unit and db_chooser.slave-unit both name the persistence unit 'primary';"
                        + " the slave needs a unit of its own that points at the replica");
        assertThat(config.slaveUnits()).containsExactly("standby-a", "primary");
    }

    @Test
    void anEmptyEntryInTheStandbyListIsReported() {
        read(Map.of("db_chooser.slave-unit", "standby-a,,standby-b"));

        assertThat(problems).containsExactly(
                "DBCHOOSER-114: db_chooser.slave-unit = 'standby-a,,standby-b' has an empty entry; give the name of each"
                        + " standby's persistence unit");
    }

    @Test
    void environmentVariableNamesOfTheKeysAreKnown() {
        read(Map.of(
                "DB_CHOOSER_MASTER", "GET /a",
                "DB_CHOOSER_SLAVE", "POST /b",
                "DB_CHOOSER_SLAVE_METHODS", "GET",
                "DB_CHOOSER_MASTER_UNIT", "m",
                "DB_CHOOSER_SLAVE_UNIT", "s"));

        assertThat(problems).isEmpty();
    }

    // --- problems, each with its exact message

    @Test
    void anInvalidRegexIsReported() {
        DbChooserConfig config = read(Map.of("db_chooser.master", "(unclosed, GET /ok"));

        assertThat(problems).containsExactly("DBCHOOSER-101: db_chooser.master holds '(unclosed', "
                + "which is not a valid regular expression: Unclosed group near index 9");
        assertThat(regexes(config.masterPatterns())).containsExactly("GET /ok");
    }

    @Test
    void anInvalidSlaveRegexIsReportedUnderTheSlaveKey() {
        read(Map.of("db_chooser.slave", "GET /[a"));

        assertThat(problems).containsExactly("DBCHOOSER-101: db_chooser.slave holds 'GET /[a', "
                + "which is not a valid regular expression: Unclosed character class near index 6");
    }

    @Test
    void anEmptyPatternEntryIsReported() {
        DbChooserConfig config = read(Map.of("db_chooser.master", "GET /a,,POST /b"));

        assertThat(problems).containsExactly("DBCHOOSER-102: db_chooser.master = 'GET /a,,POST /b' holds an empty pattern, "
                + "which would match every request; remove the stray comma");
        assertThat(regexes(config.masterPatterns())).containsExactly("GET /a", "POST /b");
    }

    /**
     * The entry came from db_chooser.master[0] = '  ', so the message must name that
     * key; today it says "db_chooser.master = ''" and asks to remove a stray comma
     * that does not exist.
     */
    @Test
    void aBlankIndexedPatternEntryIsReportedUnderItsIndexedKey() {
        read(Map.of("db_chooser.master[0]", "  ", "db_chooser.master[1]", "GET /b"));

        assertThat(problems).singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("DBCHOOSER-102: db_chooser.master[0] = '  '");
    }

    @Test
    void aTrailingCommaInPatternsIsReported() {
        read(Map.of("db_chooser.slave", "POST /search,"));

        assertThat(problems).containsExactly("DBCHOOSER-102: db_chooser.slave = 'POST /search,' holds an empty pattern, "
                + "which would match every request; remove the stray comma");
    }

    @Test
    void anUnknownHttpMethodIsReported() {
        DbChooserConfig config = read(Map.of("db_chooser.slave-methods", "GET,FETCH"));

        assertThat(problems).containsExactly("DBCHOOSER-103: db_chooser.slave-methods holds 'FETCH', "
                + "which is not an HTTP method; use " + KNOWN_METHODS + " (upper case)");
        assertThat(config.slaveMethods()).containsExactly("GET");
    }

    @Test
    void aLowerCaseHttpMethodIsReported() {
        DbChooserConfig config = read(Map.of("db_chooser.slave-methods", "get"));

        assertThat(problems).containsExactly("DBCHOOSER-103: db_chooser.slave-methods holds 'get', "
                + "which is not an HTTP method; use " + KNOWN_METHODS + " (upper case)");
        assertThat(config.slaveMethods()).isEmpty();
    }

    @Test
    void aBlankMasterUnitNameIsReported() {
        DbChooserConfig config = read(Map.of("db_chooser.master-unit", "   "));

        assertThat(problems).containsExactly(
                "DBCHOOSER-104: db_chooser.master-unit = '   ' is blank; give the name of a persistence unit");
        assertThat(config.masterUnit()).isNull();
    }

    @Test
    void aBlankSlaveUnitNameIsReported() {
        DbChooserConfig config = read(Map.of("db_chooser.slave-unit", " \t"));

        assertThat(problems).containsExactly(
                "DBCHOOSER-104: db_chooser.slave-unit = ' \t' is blank; give the name of a persistence unit");
        assertThat(config.slaveUnits()).isEmpty();
    }

    @Test
    void anEmptyUnitNameIsReported() {
        read(Map.of("db_chooser.master-unit", ""));

        assertThat(problems).containsExactly(
                "DBCHOOSER-104: db_chooser.master-unit = '' is blank; give the name of a persistence unit");
    }

    @Test
    void twoBlankUnitNamesAreNotReportedAsTheSameUnit() {
        read(Map.of("db_chooser.master-unit", " ", "db_chooser.slave-unit", " "));

        assertThat(problems).containsExactly(
                "DBCHOOSER-104: db_chooser.master-unit = ' ' is blank; give the name of a persistence unit",
                "DBCHOOSER-104: db_chooser.slave-unit = ' ' is blank; give the name of a persistence unit");
    }

    @Test
    void theSameUnitForMasterAndSlaveIsReported() {
        read(Map.of("db_chooser.master-unit", "pu", "db_chooser.slave-unit", "pu"));

        assertThat(problems).containsExactly("DBCHOOSER-105: db_chooser.master-unit and db_chooser.slave-unit "
                + "both name the persistence unit 'pu'; the slave needs a unit of its own that points at the replica");
    }

    @Test
    void theSameUnitIsFoundAfterTrimming() {
        read(Map.of("db_chooser.master-unit", " pu", "db_chooser.slave-unit", "pu "));

        assertThat(problems).containsExactly("DBCHOOSER-105: db_chooser.master-unit and db_chooser.slave-unit "
                + "both name the persistence unit 'pu'; the slave needs a unit of its own that points at the replica");
    }

    @Test
    void aSlaveUnitNamedLikeTheDefaultMasterUnitIsReported() {
        read(Map.of("db_chooser.slave-unit", "master"));

        assertThat(problems).containsExactly("DBCHOOSER-105: db_chooser.master-unit and db_chooser.slave-unit "
                + "both name the persistence unit 'master'; the slave needs a unit of its own that points at the replica");
    }

    @Test
    void anUnknownKeyIsReported() {
        read(Map.of("db_chooser.masters", "GET /a"));

        assertThat(problems).containsExactly(
                "DBCHOOSER-107: unknown configuration key 'db_chooser.masters'; dbchooser reads " + KNOWN_KEYS);
    }

    @Test
    void anUnknownEnvironmentVariableNameIsReported() {
        read(Map.of("DB_CHOOSER_MASTERS", "GET /a"));

        assertThat(problems).containsExactly(
                "DBCHOOSER-107: unknown configuration key 'DB_CHOOSER_MASTERS'; dbchooser reads " + KNOWN_KEYS);
    }

    @Test
    void severalProblemsAreAllReportedInAStableOrder() {
        Map<String, String> properties = Map.of(
                "db_chooser.slave-unit", "pu",
                "db_chooser.master-unit", "pu",
                "db_chooser.slave-methods", "get,FETCH",
                "db_chooser.slave", "POST /a,,(",
                "db_chooser.master", "[x",
                "db_chooser.mastr", "GET /typo");

        read(properties);
        List<String> first = List.copyOf(problems);
        problems.clear();
        read(properties);

        assertThat(first).containsExactly(
                "DBCHOOSER-107: unknown configuration key 'db_chooser.mastr'; dbchooser reads " + KNOWN_KEYS,
                "DBCHOOSER-101: db_chooser.master holds '[x', which is not a valid regular expression: "
                        + "Unclosed character class near index 1",
                "DBCHOOSER-102: db_chooser.slave = 'POST /a,,(' holds an empty pattern, "
                        + "which would match every request; remove the stray comma",
                "DBCHOOSER-101: db_chooser.slave holds '(', which is not a valid regular expression: "
                        + "Unclosed group near index 1",
                "DBCHOOSER-103: db_chooser.slave-methods holds 'get', which is not an HTTP method; use "
                        + KNOWN_METHODS + " (upper case)",
                "DBCHOOSER-103: db_chooser.slave-methods holds 'FETCH', which is not an HTTP method; use "
                        + KNOWN_METHODS + " (upper case)",
                "DBCHOOSER-105: db_chooser.master-unit and db_chooser.slave-unit both name the persistence unit 'pu'; "
                        + "the slave needs a unit of its own that points at the replica");
        assertThat(problems).isEqualTo(first);
    }

    @Test
    void problemsAreAddedAfterThoseAlreadyInTheList() {
        problems.add("earlier");

        read(Map.of("db_chooser.slave-methods", "FETCH"));

        assertThat(problems).hasSize(2).first().isEqualTo("earlier");
    }

    // --- fallback, lag bound, maintenance, monitor interval

    @Test
    void resilienceDefaults() {
        DbChooserConfig config = read(Map.of());

        assertThat(config.slaveFallback()).isTrue();
        assertThat(config.maxLag()).isNull();
        assertThat(config.readOnly()).isFalse();
        assertThat(config.healthInterval()).isEqualTo(java.time.Duration.ofSeconds(1));
        assertThat(problems).isEmpty();
    }

    @Test
    void durationsAreReadInShortAndIsoForms() {
        assertThat(read(Map.of("db_chooser.max-lag", "500ms")).maxLag()).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(read(Map.of("db_chooser.max-lag", "1.5s")).maxLag()).isEqualTo(java.time.Duration.ofMillis(1500));
        assertThat(read(Map.of("db_chooser.max-lag", "2m")).maxLag()).isEqualTo(java.time.Duration.ofMinutes(2));
        assertThat(read(Map.of("db_chooser.max-lag", "PT0.25S")).maxLag()).isEqualTo(java.time.Duration.ofMillis(250));
        assertThat(read(Map.of("db_chooser.health-interval", " 200ms ")).healthInterval()).isEqualTo(java.time.Duration.ofMillis(200));
        assertThat(problems).isEmpty();
    }

    @Test
    void aValueThatIsNotADurationIsReported() {
        read(Map.of("db_chooser.max-lag", "500 msec"));

        assertThat(problems).containsExactly("DBCHOOSER-109: db_chooser.max-lag holds '500 msec', which is not a duration;"
                + " write for example 500ms, 2s, 1m or PT0.5S");
    }

    @Test
    void aNegativeOrTooShortDurationIsReported() {
        read(Map.of("db_chooser.max-lag", "-PT1S", "db_chooser.health-interval", "1ms"));

        assertThat(problems).containsExactly(
                "DBCHOOSER-109: db_chooser.max-lag holds '-PT1S', which is not a duration; write for example 500ms, 2s,"
                        + " 1m or PT0.5S",
                "DBCHOOSER-109: db_chooser.health-interval holds '1ms', which is less than 10 ms");
    }

    @Test
    void booleansAreTrueOrFalseOnly() {
        assertThat(read(Map.of("db_chooser.slave-fallback", "FALSE")).slaveFallback()).isFalse();
        assertThat(read(Map.of("db_chooser.read-only", "true")).readOnly()).isTrue();
        assertThat(problems).isEmpty();

        read(Map.of("db_chooser.read-only", "on"));

        assertThat(problems).containsExactly("DBCHOOSER-110: db_chooser.read-only holds 'on', which is neither true nor false");
    }

    @Test
    void readYourWritesModes() {
        assertThat(read(Map.of()).readYourWrites()).isEqualTo(DbChooserConfig.ReadYourWrites.OFF);
        assertThat(read(Map.of("db_chooser.read-your-writes", "LSN")).readYourWrites()).isEqualTo(DbChooserConfig.ReadYourWrites.LSN);
        assertThat(read(Map.of("db_chooser.read-your-writes", "time")).readYourWrites()).isEqualTo(DbChooserConfig.ReadYourWrites.TIME);
        assertThat(read(Map.of()).readYourWritesWait()).isEqualTo(java.time.Duration.ofMillis(200));
        assertThat(read(Map.of()).readYourWritesPin()).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(problems).isEmpty();

        read(Map.of("db_chooser.read-your-writes", "sticky", "db_chooser.read-your-writes-pin", "100ms"));

        assertThat(problems).containsExactly(
                "DBCHOOSER-111: db_chooser.read-your-writes holds 'sticky'; use off, lsn (WAL-position tokens) or time"
                        + " (pinning to the master for db_chooser.read-your-writes-pin)",
                "DBCHOOSER-109: db_chooser.read-your-writes-pin holds '100ms', which is less than 1 s");
    }
}
