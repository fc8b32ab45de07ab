package org.dbchooser.quarkus.tests;

import java.sql.Connection;
import java.util.Map;

import org.dbchooser.itests.databases.BuildDatabases;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The master and hot standbys the build started, as the application's data sources: the
 * tests' table is made on the master and awaited on the standbys before Quarkus starts.
 */
public class BuildDatabasesResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try (Connection master = BuildDatabases.connect(BuildDatabases.masterPort());
                Connection standby = BuildDatabases.connect(BuildDatabases.standbyPort());
                Connection standby2 = BuildDatabases.connect(BuildDatabases.standby2Port())) {
            BuildDatabases.createItemTable(master);
            BuildDatabases.waitForStandby(master, standby);
            BuildDatabases.waitForStandby(master, standby2);
        } catch (Exception e) {
            throw new IllegalStateException("the build's master and standby cannot be reached", e);
        }
        return Map.of("quarkus.datasource.\"master\".jdbc.url", url(BuildDatabases.masterPort()),
                "quarkus.datasource.\"slave\".jdbc.url", url(BuildDatabases.standbyPort()),
                "quarkus.datasource.\"slave2\".jdbc.url", url(BuildDatabases.standby2Port()));
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/dbchooser";
    }

    @Override
    public void stop() {
        // the build stops its servers
    }
}
