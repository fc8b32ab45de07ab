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
}
