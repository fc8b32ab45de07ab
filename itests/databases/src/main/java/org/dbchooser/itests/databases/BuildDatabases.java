package org.dbchooser.itests.databases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The master and hot standbys the build started with scripts/pg-replica.sh, as the
 * tests reach them behind the application's back. The build passes the script and
 * its state file as the system properties {@code pg.control} and {@code pg.state}.
 */
public final class BuildDatabases {

    private BuildDatabases() {
    }

    public static int masterPort() {
        return Integer.getInteger("pg.master.port");
    }

    public static int standbyPort() {
        return Integer.getInteger("pg.standby.port");
    }

    public static int standby2Port() {
        return Integer.getInteger("pg.standby2.port", -1);
    }

    /** A connection to the build's server on {@code port}, as the database's owner. */
    public static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/dbchooser", "dbchooser", "dbchooser");
    }

    /** The tests' table of items, on the master (the standbys get it by replication). */
    public static void createItemTable(Connection master) throws SQLException {
        try (Statement s = master.createStatement()) {
            s.execute("create table if not exists item (id bigserial primary key, name text not null)");
        }
    }

    /** How many items named {@code name} the server on {@code port} holds. */
    /** Whether the master behind MASTER (port) replicates synchronously to STANDBY, as pg_stat_replication says (needs pg_read_all_stats). */
    public static boolean isSynchronousStandby(int master, String standby) throws SQLException {
        try (Connection c = connect(master);
                PreparedStatement query = c.prepareStatement(
                        "select count(*) from pg_stat_replication where application_name = ? and sync_state = 'sync'")) {
            query.setString(1, standby);
            try (ResultSet r = query.executeQuery()) {
                r.next();
                return r.getLong(1) == 1;
            }
        }
    }

    public static long countItems(int port, String name) throws SQLException {
        try (Connection c = connect(port); PreparedStatement s = c.prepareStatement("select count(*) from item where name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * Runs {@code pg-replica.sh ACTION STATE ARGUMENTS...}: stops (pause, crash),
     * starts (resume) or reconfigures (set, sql) a server of the running cluster.
     */
    public static void control(String action, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("pg.control"), action, System.getProperty("pg.state")));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    /**
     * Waits until the standby behind STANDBY streams from the master behind MASTER again
     * and has replayed everything the master has written so far. Streaming first: a
     * standby restarted a moment ago, or one whose master was, has replayed all there
     * was but does not receive what comes next until its WAL receiver reconnects (up
     * to wal_retrieve_retry_interval, 5 s), and meanwhile looks late to whoever asks.
     * The insert position, not the write position: the build's master commits without
     * waiting for its WAL flush (synchronous_commit=off).
     */
    public static void waitForStandby(Connection master, Connection standby) throws SQLException, InterruptedException {
        String slot = single(standby, "show primary_slot_name");
        waitUntilTrue(master, "select active from pg_replication_slots where slot_name = ?", slot,
                "the standby did not stream from slot " + slot);
        String target = single(master, "select pg_current_wal_insert_lsn()::text");
        waitUntilTrue(standby, "select pg_last_wal_replay_lsn() >= ?::pg_lsn", target,
                "the standby did not replay up to " + target);
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    /** Asks {@code sql} with its one parameter every 10 ms until it answers true; fails after 30 s. */
    private static void waitUntilTrue(Connection connection, String sql, String parameter, String failure)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, parameter);
            while (true) {
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && r.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(failure + " within 30 s");
                }
                Thread.sleep(10);
            }
        }
    }

    /** The log of SERVER (master, standby1, ...), where it writes every statement it runs. */
    public static Path log(String server) throws IOException {
        String base = Files.readAllLines(Path.of(System.getProperty("pg.state"))).stream()
                .filter(line -> line.startsWith("base=")).findFirst().orElseThrow().substring("base=".length());
        return Path.of(base, server + ".log");
    }
}
