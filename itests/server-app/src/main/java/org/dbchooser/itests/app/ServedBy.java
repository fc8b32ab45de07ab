package org.dbchooser.itests.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.dbchooser.itests.databases.Item;
import org.dbchooser.itests.databases.Server;

/** Asks the database server behind the current route who it is: {@code "<port> standby|master"}. */
@ApplicationScoped
public class ServedBy {

    @Inject
    EntityManager em;

    // persists and flushes, so that the write reaches the server now; a test names
    // the line of the persist in the message it expects
    public void insert(String name) {
        em.persist(new Item(name));
        em.flush();
    }

    public String server() {
        return Server.of((Object[]) em.createNativeQuery(Server.QUERY).getSingleResult()).label();
    }

    /**
     * Counts the rows named {@code name} and, in the same statement, asks the server
     * that counted them: {@code "<count> <port> standby|master"}. One statement, so the
     * count cannot come from another server than the one named.
     */
    public String count(String name) {
        Object[] row = (Object[]) em.createNativeQuery(
                        "select count(*), inet_server_port(), pg_is_in_recovery() from item where name = ?1")
                .setParameter(1, name).getSingleResult();
        return ((Number) row[0]).longValue() + " " + Server.of(row).label();
    }

    /** Jakarta Persistence 3.2: {@code getSingleResultOrNull}, asking the server of the current route who it is. */
    public String serverOrNull() {
        return Server.of((Object[]) em.createNativeQuery(Server.QUERY).getSingleResultOrNull()).label();
    }

    /** Jakarta Persistence 3.2: {@code find} with a write lock among its options. */
    public String findLocked(long id) {
        Item item = em.find(Item.class, id, jakarta.persistence.Timeout.seconds(2), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        return item == null ? "none" : item.getName();
    }
}
