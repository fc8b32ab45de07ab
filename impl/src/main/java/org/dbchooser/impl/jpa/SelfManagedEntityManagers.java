package org.dbchooser.impl.jpa;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;

import org.dbchooser.Route;
import org.dbchooser.impl.Messages;
import org.dbchooser.impl.routing.RouteHealth;

/**
 * In plain CDI, the entity managers of one unit of work: the master's and the chosen
 * standby's, opened on first use and closed when the unit of work ends. A transaction
 * still open then is rolled back: nothing half done is ever committed by accident.
 */
final class SelfManagedEntityManagers extends StandbyOfUnitOfWork {

    private static final Logger LOG = Logger.getLogger(SelfManagedEntityManagers.class.getName());

    private final SelfManagedUnits units;
    private final RouteHealth health;
    private EntityManager master;

    SelfManagedEntityManagers(SelfManagedUnits units, RouteHealth health) {
        this.units = units;
        this.health = health;
    }

    @Override
    public EntityManager get(Route route) {
        if (route == Route.MASTER) {
            if (master == null) {
                master = units.master().createEntityManager();
            }
            return master;
        }
        return slave.get(units, health);
    }

    @Override
    public boolean masterTransactionActive() {
        return master != null && master.getTransaction().isActive();
    }

    /** Each entity manager is closed whatever happens to the other: one that cannot roll back does not keep the other open. */
    @Override
    public void close() {
        try {
            close(master, "master");
        } finally {
            master = null;
            slave.close();
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
