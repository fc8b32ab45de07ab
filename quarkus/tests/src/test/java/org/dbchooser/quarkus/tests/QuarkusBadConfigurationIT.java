package org.dbchooser.quarkus.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import org.dbchooser.itests.databases.BuildDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A Quarkus application with a bad value for several keys, a slave data source that
 * joins transactions and a method that names both routes does not start, and says why
 * with every problem's code at once, as a server's deployment does.
 */
class QuarkusBadConfigurationIT {

    @RegisterExtension
    static final QuarkusUnitTest APPLICATION = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ServedBy.class, ReadOnlyWork.class, MasterWork.class, ItemsResource.class,
                    FailureMapper.class, BothRoutes.class).addAsResource("application.properties"))
            .overrideConfigKey("quarkus.datasource.\"master\".jdbc.url", url(BuildDatabases.masterPort()))
            .overrideConfigKey("quarkus.datasource.\"slave\".jdbc.url", url(BuildDatabases.standbyPort()))
            .overrideConfigKey("quarkus.datasource.\"slave2\".jdbc.url", url(BuildDatabases.standby2Port()))
            .overrideConfigKey("quarkus.datasource.\"slave\".jdbc.transactions", "enabled")
            .overrideConfigKey("quarkus.arc.exclude-types", "org.dbchooser.quarkus.tests.Nothing")
            .overrideConfigKey("db_chooser.master", "GET /items/(unclosed")
            .overrideConfigKey("db_chooser.slave-methods", "GET,FETCH")
            .overrideConfigKey("db_chooser.slave-unit", "slave,replica")
            .overrideConfigKey("db_chooser.max-lagg", "1s")
            .assertException(failure -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable t = failure; t != null; t = t.getCause()) {
                    messages.append(t.getMessage()).append('\n');
                }
                assertThat(messages.toString()).contains(
                        "DBCHOOSER-101: db_chooser.master holds 'GET /items/(unclosed'",
                        "DBCHOOSER-103: db_chooser.slave-methods holds 'FETCH'",
                        "DBCHOOSER-106: db_chooser.slave-unit = 'replica' names no persistence unit",
                        "DBCHOOSER-107", "db_chooser.max-lagg",
                        "DBCHOOSER-115: db_chooser.slave-unit = 'slave' is a unit whose data source joins JTA transactions"
                                + " (quarkus.datasource.\"slave\".jdbc.transactions = enabled)",
                        "DBCHOOSER-201: @ReadOnly and @Master are both present on " + BothRoutes.class.getName() + ".undecided()");
            });

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/dbchooser";
    }

    @Test
    void theApplicationDoesNotStart() {
        fail("the application started");
    }
}
