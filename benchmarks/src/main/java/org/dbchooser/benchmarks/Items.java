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

    /** The table as every run finds it ({@link Vacuum}). */
    static void settle(Servers servers) throws SQLException, InterruptedException {
        Vacuum.andReplay(servers.url(servers.masterPort()), servers.url(servers.standbyPort()), "item");
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
