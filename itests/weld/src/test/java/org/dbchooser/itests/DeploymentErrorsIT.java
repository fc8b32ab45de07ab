package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;

import org.dbchooser.impl.cdi.DbChooserExtension;
import org.dbchooser.itests.invalid.BothOnClass;
import org.dbchooser.itests.invalid.BothOnMethod;
import org.dbchooser.itests.invalid.PrivateAnnotated;
import org.dbchooser.itests.invalid.StaticAnnotated;
import org.dbchooser.itests.invalid.StereotypeAndMasterOnClass;
import org.dbchooser.itests.invalid.Valid;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Each kind of bad input stops the deployment (a real Weld SE boot) with a message
 * that names the key or the bean and the value at fault; all problems of one
 * deployment are reported together.
 */
class DeploymentErrorsIT {

    private static final String UNCLOSED_GROUP = "DBCHOOSER-101: db_chooser.master holds '(unclosed', which is not a valid"
            + " regular expression: Unclosed group near index 9";
    private static final String EMPTY_PATTERN = "DBCHOOSER-102: db_chooser.slave = 'GET /a,,POST /b' holds an empty"
            + " pattern, which would match every request; remove the stray comma";
    private static final String UNKNOWN_METHOD = "DBCHOOSER-103: db_chooser.slave-methods holds 'FETCH', which is not an"
            + " HTTP method; use GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE, TRACE, CONNECT (upper case)";
    private static final String BLANK_UNIT = "DBCHOOSER-104: db_chooser.master-unit = '   ' is blank; give the name of"
            + " a persistence unit";
    private static final String SAME_UNIT = "DBCHOOSER-105: db_chooser.master-unit and db_chooser.slave-unit both name"
            + " the persistence unit 'master'; the slave needs a unit of its own that points at the replica";
    private static final String UNKNOWN_UNIT = "DBCHOOSER-106: db_chooser.slave-unit = 'replica' names no persistence"
            + " unit in META-INF/persistence.xml (declared: master, slave, slave-pair, slave-gated, standby-a, standby-b, master-failover, slave-haproxy, jta-unit)";
    private static final String JTA_SLAVE = "DBCHOOSER-108: db_chooser.slave-unit = 'jta-unit' is a JTA unit; the slave"
            + " unit must be RESOURCE_LOCAL (on a <non-jta-data-source> on an application server), so that slave reads"
            + " never join the master's JTA transaction";
    private static final String UNKNOWN_KEY = "DBCHOOSER-107: unknown configuration key 'db_chooser.masters'; dbchooser"
            + " reads db_chooser.master, db_chooser.slave, db_chooser.slave-methods, db_chooser.master-unit,"
            + " db_chooser.slave-unit, db_chooser.slave-fallback, db_chooser.max-lag, db_chooser.read-only,"
            + " db_chooser.health-interval, db_chooser.read-your-writes, db_chooser.read-your-writes-wait,"
            + " db_chooser.read-your-writes-pin";
    private static final String BAD_DURATION = "DBCHOOSER-109: db_chooser.max-lag holds 'soon', which is not a duration;"
            + " write for example 500ms, 2s, 1m or PT0.5S";
    private static final String BAD_BOOLEAN = "DBCHOOSER-110: db_chooser.slave-fallback holds 'yes', which is neither"
            + " true nor false";
    private static final String BOTH_ON_METHOD = "DBCHOOSER-201: @ReadOnly and @Master are both present on"
            + " org.dbchooser.itests.invalid.BothOnMethod.find(); keep one";
    private static final String BOTH_ON_CLASS = "DBCHOOSER-202: @ReadOnly and @Master are both present on class"
            + " org.dbchooser.itests.invalid.BothOnClass (directly or through stereotypes); keep one, and annotate the"
            + " methods that differ";
    private static final String STEREOTYPE_AND_MASTER = "DBCHOOSER-202: @ReadOnly and @Master are both present on class"
            + " org.dbchooser.itests.invalid.StereotypeAndMasterOnClass (directly or through stereotypes); keep one, and"
            + " annotate the methods that differ";
    private static final String PRIVATE = "DBCHOOSER-203: @ReadOnly on org.dbchooser.itests.invalid.PrivateAnnotated.hidden()"
            + " has no effect: the method is private, and interceptors only run on business methods; move the annotation"
            + " to a public method";
    private static final String STATIC = "DBCHOOSER-203: @Master on org.dbchooser.itests.invalid.StaticAnnotated.write()"
            + " has no effect: the method is static, and interceptors only run on business methods; move the annotation"
            + " to a public method";

    /** Boots Weld SE with these beans and this configuration; returns everything the failure said, or null if it deployed. */
    private static String deploy(Map<String, String> configuration, Class<?>... beans) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        // A class loader of its own, so that this configuration is this deployment's only.
        // With discovery disabled Weld SE does not read META-INF/services, so the
        // extension is added by hand, as discovery would find it in an application.
        try (URLClassLoader loader = new URLClassLoader(new URL[0], original)) {
            var config = new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(configuration, "test", 500))
                    .build();
            ConfigProviderResolver.instance().registerConfig(config, loader);
            thread.setContextClassLoader(loader);
            try (WeldContainer container = new Weld("deployment-errors-" + System.nanoTime())
                    .disableDiscovery().addExtension(new DbChooserExtension()).addBeanClasses(beans).initialize()) {
                return null;
            } catch (RuntimeException e) {
                StringWriter text = new StringWriter();
                e.printStackTrace(new PrintWriter(text));
                return text.toString();
            } finally {
                thread.setContextClassLoader(original);
                ConfigProviderResolver.instance().releaseConfig(config);
            }
        }
    }

    @Test
    void aValidApplicationDeploys() throws Exception {
        assertThat(deploy(Map.of("db_chooser.slave", "\\w+ /printproxy/.*"), Valid.class)).isNull();
    }

    @Test
    void invalidRegex() throws Exception {
        assertThat(deploy(Map.of("db_chooser.master", "GET /ok,(unclosed"), Valid.class)).contains(UNCLOSED_GROUP);
    }

    @Test
    void emptyPattern() throws Exception {
        assertThat(deploy(Map.of("db_chooser.slave", "GET /a,,POST /b"), Valid.class)).contains(EMPTY_PATTERN);
    }

    @Test
    void unknownHttpMethod() throws Exception {
        assertThat(deploy(Map.of("db_chooser.slave-methods", "GET,FETCH"), Valid.class)).contains(UNKNOWN_METHOD);
    }

    @Test
    void blankUnitName() throws Exception {
        assertThat(deploy(Map.of("db_chooser.master-unit", "   "), Valid.class)).contains(BLANK_UNIT);
    }

    @Test
    void sameUnitForBothRoutes() throws Exception {
        assertThat(deploy(Map.of("db_chooser.slave-unit", "master"), Valid.class)).contains(SAME_UNIT);
    }

    @Test
    void unitMissingFromPersistenceXml() throws Exception {
        assertThat(deploy(Map.of("db_chooser.slave-unit", "replica"), Valid.class)).contains(UNKNOWN_UNIT);
    }

    @Test
    void jtaSlaveUnit() throws Exception {
        assertThat(deploy(Map.of("db_chooser.slave-unit", "jta-unit"), Valid.class)).contains(JTA_SLAVE);
    }

    @Test
    void badDurationAndBoolean() throws Exception {
        assertThat(deploy(Map.of("db_chooser.max-lag", "soon", "db_chooser.slave-fallback", "yes"), Valid.class))
                .contains(BAD_DURATION, BAD_BOOLEAN);
    }

    @Test
    void misspelledKey() throws Exception {
        assertThat(deploy(Map.of("db_chooser.masters", "GET /a"), Valid.class)).contains(UNKNOWN_KEY);
    }

    @Test
    void readOnlyAndMasterOnOneMethod() throws Exception {
        assertThat(deploy(Map.of(), BothOnMethod.class)).contains(BOTH_ON_METHOD);
    }

    @Test
    void readOnlyAndMasterOnOneClass() throws Exception {
        assertThat(deploy(Map.of(), BothOnClass.class)).contains(BOTH_ON_CLASS);
    }

    @Test
    void stereotypeConflictingWithAnnotation() throws Exception {
        assertThat(deploy(Map.of(), StereotypeAndMasterOnClass.class, ReadOnlyService.class)).contains(STEREOTYPE_AND_MASTER);
    }

    @Test
    void annotationOnPrivateOrStaticMethod() throws Exception {
        assertThat(deploy(Map.of(), PrivateAnnotated.class, StaticAnnotated.class)).contains(PRIVATE, STATIC);
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        String failure = deploy(Map.of(
                        "db_chooser.master", "(unclosed",
                        "db_chooser.slave", "GET /a,,POST /b",
                        "db_chooser.slave-methods", "GET,FETCH",
                        "db_chooser.master-unit", "   ",
                        "db_chooser.slave-unit", "replica",
                        "db_chooser.masters", "GET /a"),
                BothOnMethod.class, BothOnClass.class, PrivateAnnotated.class, StaticAnnotated.class);
        assertThat(failure).contains(UNCLOSED_GROUP, EMPTY_PATTERN, UNKNOWN_METHOD, BLANK_UNIT, UNKNOWN_UNIT, UNKNOWN_KEY,
                BOTH_ON_METHOD, BOTH_ON_CLASS, PRIVATE, STATIC);
    }
}
