package org.dbchooser.itests.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.dbchooser.itests.databases.BuildDatabases;

/** Direct JDBC access to the master and the standby the build started, to check behind the application's back. */
public final class Servers {

    private Servers() {
    }

    public static int masterPort() {
        return Integer.getInteger("pg.master.port");
    }

    public static int standbyPort() {
        return Integer.getInteger("pg.standby.port");
    }

    public static String master() {
        return masterPort() + " master";
    }

    public static String standby() {
        return standbyPort() + " standby";
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/dbchooser", "dbchooser", "dbchooser");
    }

    public static void createSchema() throws SQLException {
        try (Connection c = connect(masterPort()); Statement s = c.createStatement()) {
            s.execute("create table if not exists item (id bigserial primary key, name text not null)");
        }
    }

    /** Waits until the standby streams from the master again and has replayed all it has written. */
    public static void waitForStandby() throws SQLException, InterruptedException {
        try (Connection master = connect(masterPort()); Connection standby = connect(standbyPort())) {
            BuildDatabases.waitForStandby(master, standby);
        }
    }

    public static long countOnMaster(String name) throws SQLException {
        return count(masterPort(), name);
    }

    public static long countOnStandby(String name) throws SQLException {
        return count(standbyPort(), name);
    }

    private static long count(int port, String name) throws SQLException {
        try (Connection c = connect(port); var s = c.prepareStatement("select count(*) from item where name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
