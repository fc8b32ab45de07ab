package org.dbchooser.impl.jpa;

import org.dbchooser.impl.ConfigKeys;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.dbchooser.Route;

/**
 * On an application server: the master is the container's JTA persistence context;
 * the slave is a resource-local unit on a non-JTA data source, one entity manager per
 * unit of work (request context). The slave's connections are never enlisted in a JTA
 * transaction, so a request that reads on the slave and then writes through
 * {@code @Master} code has one resource in its transaction, not two.
 *
 * <p>The master's unit name below is a placeholder: the extension replaces it with
 * {@code db_chooser.master-unit}.
 */
@RequestScoped
public class ContainerEntityManagers implements RouteEntityManagers {

    /** Marks, in the JTA transaction itself, that the master has been used in it. */
    private static final String MASTER_USED = ContainerEntityManagers.class.getName() + ".master-used";

    @PersistenceContext(unitName = ConfigKeys.DEFAULT_MASTER_UNIT)
    EntityManager master;

    @Inject
    ContainerUnits units;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    private EntityManager slave;

    @Override
    public EntityManager get(Route route) {
        if (route == Route.MASTER) {
            if (transactions.getTransactionKey() != null) {
                transactions.putResource(MASTER_USED, Boolean.TRUE);
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
        return transactions.getTransactionKey() != null && transactions.getResource(MASTER_USED) != null;
    }

    @PreDestroy
    void close() {
        SelfManagedEntityManagers.close(slave, "slave");
    }
}
