package org.dbchooser.impl;

import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.dbchooser.Route;

/**
 * In plain CDI, the entity managers of one unit of work (a request context), one per
 * route, opened on first use and closed with the request context. A transaction
 * still open then is rolled back: nothing half done is ever committed by accident.
 */
@RequestScoped
class SelfManagedEntityManagers implements RouteEntityManagers {

    private static final Logger LOG = Logger.getLogger(SelfManagedEntityManagers.class.getName());

    private final SelfManagedUnits units;
    private EntityManager master;
    private EntityManager slave;

    @Inject
    SelfManagedEntityManagers(SelfManagedUnits units) {
        this.units = units;
    }

    /** For the container's proxy. */
    SelfManagedEntityManagers() {
        this(null);
    }

    @Override
    public EntityManager get(Route route) {
        if (route == Route.MASTER) {
            if (master == null) {
                master = units.factory(Route.MASTER).createEntityManager();
            }
            return master;
        }
        if (slave == null) {
            slave = units.factory(Route.SLAVE).createEntityManager();
        }
        return slave;
    }

    @Override
    public boolean masterTransactionActive() {
        return master != null && master.getTransaction().isActive();
    }

    @PreDestroy
    void close() {
        close(master, "master");
        close(slave, "slave");
        master = null;
        slave = null;
    }

    /** Ends a unit of work's entity manager, rolling back a transaction it left open. */
    static void close(EntityManager entityManager, String route) {
        if (entityManager == null || !entityManager.isOpen()) {
            return;
        }
        try {
            if (entityManager.getTransaction().isActive()) {
                LOG.warning("dbchooser: a transaction on the " + route
                        + " was still open when its unit of work ended; it was rolled back");
                entityManager.getTransaction().rollback();
            }
        } finally {
            entityManager.close();
        }
    }
}
