package org.dbchooser.itests;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

import org.dbchooser.itests.databases.BuildDatabases;

/**
 * Direct JDBC access to the master and the standby the build started, for setting
 * up tables and for checking, behind dbchooser's back, what each server holds.
 */
final class Databases {

    private Databases() {
    }

    static int masterPort() {
        return BuildDatabases.masterPort();
    }

    static int standbyPort() {
        return BuildDatabases.standbyPort();
    }

    /** A block of test code. */
    interface Work {
        void run() throws Exception;
    }

    static int standby2Port() {
        return BuildDatabases.standby2Port();
    }

    /**
     * Stops, starts or reconfigures one server of the running cluster (master,
     * standby1, standby2) with scripts/pg-replica.sh.
     */
    static void control(String... arguments) throws Exception {
        BuildDatabases.control(arguments[0], Arrays.copyOfRange(arguments, 1, arguments.length));
    }

    static Connection master() throws SQLException {
        return connect(masterPort());
    }

    static Connection standby() throws SQLException {
        return connect(standbyPort());
    }

    private static Connection connect(int port) throws SQLException {
        return BuildDatabases.connect(port);
    }

    /**
     * Sets the standby's recovery_min_apply_delay and waits until its sessions see it: a
     * reload is a signal, not a call, and a write made before it lands is replayed at once.
     */
    static void applyDelay(String standby, int port, int millis) throws Exception {
        control("set", standby, "recovery_min_apply_delay = " + millis);
        long start = System.nanoTime();
        while (true) {
            try (Connection c = connect(port); var s = c.createStatement();
                    ResultSet r = s.executeQuery("select setting::int from pg_settings where name = 'recovery_min_apply_delay'")) {
                r.next();
                if (r.getInt(1) == millis) {
                    return;
                }
            }
            if (System.nanoTime() - start > 5_000_000_000L) {
                throw new IllegalStateException(standby + " did not take recovery_min_apply_delay = " + millis + " within 5 s");
            }
            Thread.sleep(20);
        }
    }

    /** What {@link #writingOnTheMaster} returns: closing it stops the writes. */
    interface Writes extends AutoCloseable {
        @Override
        void close() throws InterruptedException;
    }

    /**
     * Writes a row on the master every 50 ms, behind dbchooser's back, until the writes
     * returned are closed: a standby that replays with a delay then falls behind.
     */
    static Writes writingOnTheMaster() {
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            try (Connection master = master(); var insert = master.prepareStatement("insert into item(name) values ('lag')")) {
                while (writing.get()) {
                    insert.executeUpdate();
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "master-writer");
        writer.start();
        return () -> {
            writing.set(false);
            writer.join(10_000);
        };
    }

    /** Creates the test table on the master (once) and waits until the standby has it. */
    static synchronized void ensureSchema() throws SQLException, InterruptedException {
        try (Connection c = master()) {
            BuildDatabases.createItemTable(c);
        }
        waitForStandby();
        waitForStandby(standby2Port());
    }

    /** Waits until the first standby has replayed everything the master has written so far. */
    static void waitForStandby() throws SQLException, InterruptedException {
        waitForStandby(standbyPort());
    }

    static void waitForStandby(int standbyPort) throws SQLException, InterruptedException {
        try (Connection master = master(); Connection standby = connect(standbyPort)) {
            BuildDatabases.waitForStandby(master, standby);
        }
    }

    /** How old the last transaction the standby on PORT replayed is, by its own clock, in milliseconds. */
    static long replayAgeMillis(int port) throws SQLException {
        try (Connection c = connect(port); var s = c.createStatement();
                ResultSet r = s.executeQuery("select coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()) * 1000, 0)")) {
            r.next();
            return r.getLong(1);
        }
    }

    static long countOnMaster(String name) throws SQLException {
        return BuildDatabases.countItems(masterPort(), name);
    }

    static long countOnStandby(String name) throws SQLException {
        return BuildDatabases.countItems(standbyPort(), name);
    }

    /** Inserts a row on the master directly and waits for the standby; returns its id. */
    static long insertOnMaster(String name) throws SQLException, InterruptedException {
        long id;
        try (Connection c = master(); var s = c.prepareStatement("insert into item(name) values (?) returning id")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                id = r.getLong(1);
            }
        }
        waitForStandby();
        return id;
    }
}
