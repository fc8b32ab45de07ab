package org.dbchooser.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.dbchooser.impl.config.DbChooserConfig;
import org.dbchooser.impl.config.DeploymentState;
import org.dbchooser.impl.jpa.JtaEntityManagers;
import org.dbchooser.impl.jpa.RouteEntityManagers;
import org.dbchooser.impl.jpa.RouteUnits;
import org.dbchooser.impl.jpa.UnitsOfWork;

import io.quarkus.hibernate.orm.PersistenceUnit;

/**
 * On Quarkus, the persistence units Quarkus's Hibernate ORM made from
 * {@code application.properties}, found by their names: the master's transaction-scoped
 * entity manager (a JTA transaction's, or else the request's), and each standby's unit,
 * whose entity managers dbchooser opens for each unit of work. Quarkus's units are all
 * JTA units: a standby's data source must not enlist its connections (checked when the
 * application starts), so that slave reads never join the master's transaction.
 */
@ApplicationScoped
public class QuarkusUnits implements RouteUnits, UnitsOfWork {

    private final DbChooserConfig config;
    private final DeploymentState state;
    private final TransactionSynchronizationRegistry transactions;
    private final Instance<EntityManager> entityManagers;
    private final Instance<EntityManagerFactory> factories;
    private volatile EntityManager master;
    private volatile EntityManagerFactory masterUnit;
    private volatile EntityManagerFactory[] standbys;

    @Inject
    QuarkusUnits(DeploymentState state, TransactionSynchronizationRegistry transactions,
            @Any Instance<EntityManager> entityManagers, @Any Instance<EntityManagerFactory> factories) {
        this.config = state.config();
        this.state = state;
        this.transactions = transactions;
        this.entityManagers = entityManagers;
        this.factories = factories;
    }

    /** For the container's proxy, which only forwards calls. */
    QuarkusUnits() {
        this.config = null;
        this.state = null;
        this.transactions = null;
        this.entityManagers = null;
        this.factories = null;
    }

    @Override
    public RouteEntityManagers open() {
        EntityManager resolved = master;
        if (resolved == null) {
            resolved = master = entityManagers.select(new PersistenceUnit.PersistenceUnitLiteral(config.masterUnit())).get();
        }
        return new JtaEntityManagers(resolved, transactions, this, state.health());
    }

    @Override
    public EntityManagerFactory master() {
        EntityManagerFactory resolved = masterUnit;
        if (resolved == null) {
            resolved = masterUnit = factories.select(new PersistenceUnit.PersistenceUnitLiteral(config.masterUnit())).get();
        }
        return resolved;
    }

    @Override
    public EntityManagerFactory standby(int standby) {
        EntityManagerFactory[] resolved = standbys;
        if (resolved == null) {
            resolved = config.slaveUnits().stream()
                    .map(unit -> factories.select(new PersistenceUnit.PersistenceUnitLiteral(unit)).get())
                    .toArray(EntityManagerFactory[]::new);
            standbys = resolved;
        }
        return resolved[standby];
    }
}
