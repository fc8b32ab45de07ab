package org.dbchooser.itests.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The master and the hot standby the build started (scripts/pg-replica.sh): direct
 * connections that bypass the application, stopping and starting servers, and each
 * server's own log.
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

    /** Runs {@code pg-replica.sh ACTION STATE ARGUMENTS...}: pause, crash, resume, set. */
    static void control(String action, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("pg.control"), action, System.getProperty("pg.state")));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + output);
        }
    }

    /** The log file of SERVER (master, standby1), where the server writes every statement it runs. */
    static Path log(String server) throws IOException {
        String base = Files.readAllLines(Path.of(System.getProperty("pg.state"))).stream()
                .filter(line -> line.startsWith("base=")).findFirst().orElseThrow().substring("base=".length());
        return Path.of(base, server + ".log");
    }

    /** Waits until the standby has replayed everything the master has written so far. */
    static void waitForStandby() throws SQLException, InterruptedException {
        String target;
        try (Connection master = master(); Statement s = master.createStatement();
             ResultSet rows = s.executeQuery("select pg_current_wal_lsn()::text")) {
            rows.next();
            target = rows.getString(1);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Connection standby = standby(); Statement s = standby.createStatement();
                 ResultSet rows = s.executeQuery("select pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn")) {
                rows.next();
                if (rows.getBoolean(1)) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the standby did not replay up to " + target + " within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
