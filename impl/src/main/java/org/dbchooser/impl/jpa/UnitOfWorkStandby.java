package org.dbchooser.impl.jpa;

import jakarta.persistence.EntityManager;

import org.dbchooser.impl.routing.RouteContext;
import org.dbchooser.impl.routing.RouteHealth;

/**
 * The entity manager of the standby a unit of work reads from. The standby is chosen
 * on the unit's first slave-routed read ({@link RouteHealth#standbyFor}) and kept for
 * the rest of it, so that its reads see one server's data; a standby that failed is
 * let go, and the next read chooses again among those that serve.
 */
final class UnitOfWorkStandby {

    private EntityManager entityManager;
    private int standby = -1;

    EntityManager get(RouteUnits units, RouteHealth health) {
        if (entityManager == null) {
            int chosen = health.standbyFor(RouteContext.current());
            entityManager = units.standby(chosen).createEntityManager();
            standby = chosen;
        }
        return entityManager;
    }

    /** The standby's number, -1 before the first slave-routed read. */
    int standby() {
        return standby;
    }

    /** Closes the entity manager (rolling back what it left open) and forgets the standby. */
    void close() {
        try {
            SelfManagedEntityManagers.close(entityManager, "slave");
        } finally {
            entityManager = null;
            standby = -1;
        }
    }
}
