package org.dbchooser.impl.jpa;

import org.dbchooser.impl.ConfigKeys;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.dbchooser.impl.config.DeploymentState;

/**
 * On an application server: the master is the container's JTA persistence context;
 * each standby is a resource-local unit on a non-JTA data source, and a unit of work
 * has one entity manager on the standby it reads from ({@link JtaEntityManagers}). A standby's connections are
 * never enlisted in a JTA transaction, so a request that reads on the slave and then
 * writes through {@code @Master} code has one resource in its transaction, not two.
 *
 * <p>The master's unit name below is a placeholder: the extension replaces it with
 * {@code db_chooser.master-unit}. A server that injects by the class's own bytecode
 * (Payara) keeps the placeholder; there the reference {@value #MASTER_CONTEXT_REF}, which
 * the application's {@code web.xml} may point at a unit of another name, decides.
 */
@ApplicationScoped
public class ContainerEntityManagers implements UnitsOfWork {

    /** The name of the master's persistence context reference, for a {@code <persistence-context-ref>}. */
    public static final String MASTER_CONTEXT_REF = "dbchooser/master";

    /** The container's transaction-scoped persistence context: one proxy, for every thread. */
    @PersistenceContext(name = MASTER_CONTEXT_REF, unitName = ConfigKeys.DEFAULT_MASTER_UNIT)
    EntityManager master;

    @Inject
    ContainerUnits units;

    @Inject
    DeploymentState state;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @Override
    public RouteEntityManagers open() {
        return new JtaEntityManagers(master, transactions, units, state.health());
    }
}
