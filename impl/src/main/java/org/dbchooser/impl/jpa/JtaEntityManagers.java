package org.dbchooser.impl.jpa;

import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.dbchooser.Route;
import org.dbchooser.impl.routing.RouteHealth;

/**
 * One unit of work where the container manages the master's persistence context: the
 * container's transaction-scoped entity manager for the master (one proxy, for every
 * thread), and the entity manager of the standby the unit of work reads from, whose
 * connections never join a JTA transaction. Whether the master has been used is kept
 * in the JTA transaction itself, so that stickiness ends with it. On an application
 * server ({@link ContainerEntityManagers}) and on Quarkus alike.
 */
public final class JtaEntityManagers extends StandbyOfUnitOfWork {

    /** Marks, in the JTA transaction itself, that the master has been used in it. */
    private static final String MASTER_USED = JtaEntityManagers.class.getName() + ".master-used";

    private final EntityManager master;
    private final TransactionSynchronizationRegistry transactions;
    private final RouteUnits units;
    private final RouteHealth health;

    public JtaEntityManagers(EntityManager master, TransactionSynchronizationRegistry transactions, RouteUnits units,
            RouteHealth health) {
        this.master = master;
        this.transactions = transactions;
        this.units = units;
        this.health = health;
    }

    @Override
    public EntityManager get(Route route) {
        if (route == Route.MASTER) {
            if (transactions.getTransactionKey() != null) {
                transactions.putResource(MASTER_USED, Boolean.TRUE);
            }
            return master;
        }
        return slave.get(units, health);
    }

    @Override
    public boolean masterTransactionActive() {
        return transactions.getTransactionKey() != null && transactions.getResource(MASTER_USED) != null;
    }

    @Override
    public void close() {
        slave.close();
    }
}
