package org.dbchooser.impl.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.dbchooser.Route;

/**
 * The persistence unit of each route, for work that belongs to no request: the
 * replica monitor's probes. In plain CDI the units dbchooser opened
 * ({@link SelfManagedUnits}); on an application server the container's
 * ({@link ContainerUnits}).
 */
public interface RouteUnits {

    EntityManagerFactory factory(Route route);

    /** Runs one native query on {@code route} in an entity manager of its own, and returns its single result. */
    default Object ask(Route route, String sql) {
        EntityManager em = factory(route).createEntityManager();
        try {
            return em.createNativeQuery(sql).getSingleResult();
        } finally {
            em.close();
        }
    }
}
