package org.dbchooser.benchmarks;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Brings a table back to the same state before each measured run of a comparison: the
 * updates of the runs before leave dead row versions behind, which the next run would pay
 * for (the more, the later it comes in a round), and autovacuum cleans them up at moments
 * of its own choosing.
 */
final class Vacuum {

    private Vacuum() {
    }

    /** Vacuums {@code table} on the master; returns once the standby has replayed it. */
    static void andReplay(String masterUrl, String standbyUrl, String table) throws SQLException, InterruptedException {
        String vacuumed;
        try (var master = DriverManager.getConnection(masterUrl, Servers.USER, Servers.PASSWORD);
                var statement = master.createStatement()) {
            statement.execute("vacuum " + table);
            try (var rows = statement.executeQuery("select pg_current_wal_lsn()::text")) {
                rows.next();
                vacuumed = rows.getString(1);
            }
        }
        try (var standby = DriverManager.getConnection(standbyUrl, Servers.USER, Servers.PASSWORD);
                var statement = standby.createStatement()) {
            for (int attempt = 0; attempt < 100; attempt++) {
                try (var rows = statement.executeQuery("select pg_last_wal_replay_lsn() >= '" + vacuumed + "'::pg_lsn")) {
                    rows.next();
                    if (rows.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("the standby at " + standbyUrl + " did not replay the vacuum of " + table + " in 2 s");
    }
}
