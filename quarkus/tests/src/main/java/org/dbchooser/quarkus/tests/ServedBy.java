package org.dbchooser.quarkus.tests;

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

    /** Persists and flushes, so that the write reaches the server now. */
    public void insert(String name) {
        em.persist(new Item(name));
        em.flush();
    }

    public String server() {
        return Server.of((Object[]) em.createNativeQuery(Server.QUERY).getSingleResult()).label();
    }

    /** The rows named {@code name} and, in the same statement, the server that counted them: {@code "<count> <port> standby|master"}. */
    public String count(String name) {
        Object[] row = (Object[]) em.createNativeQuery(
                        "select count(*), inet_server_port(), pg_is_in_recovery() from item where name = ?1")
                .setParameter(1, name).getSingleResult();
        return ((Number) row[0]).longValue() + " " + Server.of(row).label();
    }
}
