package org.dbchooser.itests.server;

import java.sql.Connection;
import java.sql.SQLException;

import org.dbchooser.itests.databases.BuildDatabases;

/** Direct JDBC access to the master and the standby the build started, to check behind the application's back. */
public final class Servers {

    private Servers() {
    }

    public static int masterPort() {
        return BuildDatabases.masterPort();
    }

    public static int standbyPort() {
        return BuildDatabases.standbyPort();
    }

    public static String master() {
        return masterPort() + " master";
    }

    public static String standby() {
        return standbyPort() + " standby";
    }

    private static Connection connect(int port) throws SQLException {
        return BuildDatabases.connect(port);
    }

    public static void createSchema() throws SQLException {
        try (Connection c = connect(masterPort())) {
            BuildDatabases.createItemTable(c);
        }
    }

    /** Waits until the standby streams from the master again and has replayed all it has written. */
    public static void waitForStandby() throws SQLException, InterruptedException {
        try (Connection master = connect(masterPort()); Connection standby = connect(standbyPort())) {
            BuildDatabases.waitForStandby(master, standby);
        }
    }

    public static long countOnMaster(String name) throws SQLException {
        return BuildDatabases.countItems(masterPort(), name);
    }

    public static long countOnStandby(String name) throws SQLException {
        return BuildDatabases.countItems(standbyPort(), name);
    }
}
