package org.dbchooser.benchmarks;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.persistence.EntityManager;

/**
 * The table every peer reads and writes, and the two statements of the workload, run
 * the same way by every peer: a primary-key read and a rename by primary key.
 */
final class Items {

    static final int ROWS = 10_000;

    private Items() {
    }

    static Object readName(EntityManager em, long id) {
        return em.createNativeQuery("select name from item where id = ?1").setParameter(1, id).getSingleResult();
    }

    static int rename(EntityManager em, long id, String name) {
        return em.createNativeQuery("update item set name = ?1 where id = ?2").setParameter(1, name)
                .setParameter(2, id).executeUpdate();
    }

    /** Creates the table on the master, if it is not there, and waits until the standby has it too. */
    static void create(Servers servers) throws SQLException, InterruptedException {
        try (var master = DriverManager.getConnection(servers.url(servers.masterPort()), Servers.USER, Servers.PASSWORD);
                var statement = master.createStatement()) {
            statement.execute("create table if not exists item (id bigserial primary key, name text not null)");
            statement.execute("insert into item(name) select 'item ' || g from generate_series(1, " + ROWS + ") g"
                    + " where (select count(*) from item) < " + ROWS);
        }
        try (var standby = DriverManager.getConnection(servers.url(servers.standbyPort()), Servers.USER, Servers.PASSWORD);
                var statement = standby.createStatement()) {
            for (int attempt = 0; attempt < 100; attempt++) {
                if (replayed(statement)) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the standby on port " + servers.standbyPort() + " never received the item table");
    }

    /**
     * Brings the table back to the same state before each measured run: the updates of
     * the runs before leave dead row versions behind, which the next run would pay for
     * (more so the later it comes in a round), and autovacuum cleans them at moments of
     * its own choosing. Vacuumed on the master; returns once the standby has replayed it.
     */
    static void settle(Servers servers) throws SQLException, InterruptedException {
        String vacuumed;
        try (var master = DriverManager.getConnection(servers.url(servers.masterPort()), Servers.USER, Servers.PASSWORD);
                var statement = master.createStatement()) {
            statement.execute("vacuum item");
            try (var rows = statement.executeQuery("select pg_current_wal_lsn()::text")) {
                rows.next();
                vacuumed = rows.getString(1);
            }
        }
        try (var standby = DriverManager.getConnection(servers.url(servers.standbyPort()), Servers.USER, Servers.PASSWORD);
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
        throw new IllegalStateException("the standby on port " + servers.standbyPort() + " did not replay the vacuum of item in 2 s");
    }

    private static boolean replayed(Statement standby) {
        try (var rows = standby.executeQuery("select count(*) from item")) {
            rows.next();
            return rows.getInt(1) >= ROWS;
        } catch (SQLException e) {
            return false; // the table is not there yet
        }
    }
}
