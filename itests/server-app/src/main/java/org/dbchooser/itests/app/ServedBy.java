package org.dbchooser.itests.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Asks the database server behind the current route who it is: {@code "<port> standby|master"}. */
@ApplicationScoped
public class ServedBy {

    @Inject
    EntityManager em;

    public String server() {
        Object[] row = (Object[]) em.createNativeQuery("select inet_server_port(), pg_is_in_recovery()").getSingleResult();
        return row[0] + ((Boolean) row[1] ? " standby" : " master");
    }

    public void insert(String name) {
        em.persist(new Item(name));
        em.flush();
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
        return ((Number) row[0]).longValue() + " " + server(row[1], row[2]);
    }

    /** {@code "<port> standby|master"}, from what {@code inet_server_port(), pg_is_in_recovery()} returned. */
    static String server(Object port, Object inRecovery) {
        return port + ((Boolean) inRecovery ? " standby" : " master");
    }
}
