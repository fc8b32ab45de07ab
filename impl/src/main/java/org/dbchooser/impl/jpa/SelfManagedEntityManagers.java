package org.dbchooser.impl.jpa;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.dbchooser.Route;
import org.dbchooser.impl.Messages;

/**
 * In plain CDI, the entity managers of one unit of work (a request context), one per
 * route, opened on first use and closed with the request context. A transaction
 * still open then is rolled back: nothing half done is ever committed by accident.
 */
@RequestScoped
public class SelfManagedEntityManagers implements RouteEntityManagers {

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

    /** Each entity manager is closed whatever happens to the other: one that cannot roll back does not keep the other open. */
    @PreDestroy
    void close() {
        try {
            close(master, "master");
        } finally {
            master = null;
            try {
                close(slave, "slave");
            } finally {
                slave = null;
            }
        }
    }

    /**
     * Ends a unit of work's entity manager, rolling back a transaction it left open, and
     * says afterwards what happened: a rollback can fail (the server is gone), and the
     * entity manager is closed, with its connection, either way.
     */
    static void close(EntityManager entityManager, String route) {
        if (entityManager == null || !entityManager.isOpen()) {
            return;
        }
        try {
            if (entityManager.getTransaction().isActive()) {
                entityManager.getTransaction().rollback();
                LOG.warning(Messages.transactionRolledBack(route));
            }
        } catch (RuntimeException rollbackFailed) {
            LOG.log(Level.WARNING, Messages.rollbackFailed(route, rollbackFailed), rollbackFailed);
        } finally {
            entityManager.close();
        }
    }
}
