package org.dbchooser.impl.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * The persistence units of the master and of each standby, for work that belongs to
 * no request (the replica monitor's probes, read-your-writes' questions) and for the
 * entity managers of each unit of work. In plain CDI the units dbchooser opened
 * ({@link SelfManagedUnits}); on an application server the container's
 * ({@link ContainerUnits}). Standbys are numbered as {@code db_chooser.slave-unit}
 * lists their units.
 */
public interface RouteUnits {

    EntityManagerFactory master();

    EntityManagerFactory standby(int standby);

    /** Runs one native query on {@code unit} in an entity manager of its own, and returns its single result. */
    static Object ask(EntityManagerFactory unit, String sql) {
        EntityManager em = unit.createEntityManager();
        try {
            return em.createNativeQuery(sql).getSingleResult();
        } finally {
            em.close();
        }
    }
}
