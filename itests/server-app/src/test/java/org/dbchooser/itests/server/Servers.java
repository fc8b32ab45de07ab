package org.dbchooser.itests.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import org.dbchooser.itests.databases.BuildDatabases;
import org.dbchooser.itests.databases.StatementLog;

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

    /** The second standby, as the test application names the server that answered. */
    public static String standby2() {
        return BuildDatabases.standby2Port() + " standby";
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

    /** Waits until the second standby streams from the master again and has replayed all it has written. */
    public static void waitForStandby2() throws SQLException, InterruptedException {
        try (Connection master = connect(masterPort()); Connection standby = connect(BuildDatabases.standby2Port())) {
            BuildDatabases.waitForStandby(master, standby);
        }
    }

    /** The SQL the master ran while WORK ran, from its own statement log. */
    public static List<String> statementsOnMaster(StatementLog.Work work) throws Exception {
        return statements("master", masterPort(), work);
    }

    /** The SQL the standby ran while WORK ran, from its own statement log. */
    public static List<String> statementsOnStandby(StatementLog.Work work) throws Exception {
        return statements("standby1", standbyPort(), work);
    }

    private static List<String> statements(String server, int port, StatementLog.Work work) throws Exception {
        try (Connection connection = connect(port)) {
            return StatementLog.during(server, connection, work).stream()
                    .map(StatementLog.Entry::sql).filter(Objects::nonNull).toList();
        }
    }

    /** The id of the row named {@code name} on the master. */
    public static long idOnMaster(String name) throws SQLException {
        try (Connection master = connect(masterPort());
                var select = master.prepareStatement("select id from item where name = ?")) {
            select.setString(1, name);
            try (var row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    public static long countOnMaster(String name) throws SQLException {
        return BuildDatabases.countItems(masterPort(), name);
    }

    public static long countOnStandby(String name) throws SQLException {
        return BuildDatabases.countItems(standbyPort(), name);
    }
}
