package org.dbchooser.itests.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.dbchooser.itests.databases.BuildDatabases;

/**
 * The master and the hot standby the build started, reached directly as the
 * application's own role, behind the application's back.
 */
final class Databases {

    private Databases() {
    }

    static Connection master() throws SQLException {
        return connect(Integer.getInteger("pg.master.port"));
    }

    static Connection standby() throws SQLException {
        return connect(Integer.getInteger("pg.standby.port"));
    }

    private static Connection connect(int port) throws SQLException {
        // as the application's own role, which owns the tables it created
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/dbchooser?connectTimeout=2",
                System.getProperty("reliability.db.user"), System.getProperty("reliability.db.password"));
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Waits until the standby has replayed everything the master has written so far. */
    static void waitForStandby() throws SQLException, InterruptedException {
        try (Connection master = master(); Connection standby = standby()) {
            BuildDatabases.waitForStandby(master, standby);
        }
    }
}
