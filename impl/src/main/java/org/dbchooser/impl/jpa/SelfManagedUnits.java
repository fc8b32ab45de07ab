package org.dbchooser.impl.jpa;

import org.dbchooser.impl.ConfigKeys;
import org.dbchooser.impl.Messages;
import org.dbchooser.impl.config.DbChooserConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.dbchooser.impl.config.DeploymentState;
import org.dbchooser.impl.routing.RouteHealth;

/**
 * In plain CDI (no application server), the master's and each standby's persistence units, opened from
 * {@code META-INF/persistence.xml} on first use and closed when the application stops.
 * Opening on first use lets an application start while a slave is still down.
 */
@ApplicationScoped
public class SelfManagedUnits implements RouteUnits, UnitsOfWork {

    private static final Logger LOG = Logger.getLogger(SelfManagedUnits.class.getName());

    private final DbChooserConfig config;
    private final RouteHealth health;
    private volatile EntityManagerFactory master;
    private final AtomicReferenceArray<EntityManagerFactory> standbys;

    @Inject
    SelfManagedUnits(DeploymentState state) {
        this.config = state.config();
        this.health = state.health();
        this.standbys = new AtomicReferenceArray<>(config.slaveUnits().size());
    }

    /** For the container's proxy, which only forwards calls. */
    SelfManagedUnits() {
        this.config = null;
        this.health = null;
        this.standbys = null;
    }

    @Override
    public RouteEntityManagers open() {
        return new SelfManagedEntityManagers(this, health);
    }

    @Override
    public EntityManagerFactory master() {
        EntityManagerFactory factory = master;
        return factory != null ? factory : openMaster();
    }

    @Override
    public EntityManagerFactory standby(int standby) {
        EntityManagerFactory factory = standbys.get(standby);
        return factory != null ? factory : openStandby(standby);
    }

    private synchronized EntityManagerFactory openMaster() {
        if (master == null) {
            master = create(ConfigKeys.MASTER_UNIT, config.masterUnit());
        }
        return master;
    }

    private synchronized EntityManagerFactory openStandby(int standby) {
        if (standbys.get(standby) == null) {
            standbys.set(standby, create(ConfigKeys.SLAVE_UNIT, config.slaveUnits().get(standby)));
        }
        return standbys.get(standby);
    }

    /** Opens {@code unit} from the application's {@code persistence.xml}; {@code key} is the setting that names it. */
    static EntityManagerFactory create(String key, String unit) {
        try {
            return Persistence.createEntityManagerFactory(unit);
        } catch (RuntimeException e) {
            throw new IllegalStateException(Messages.unitFailed(key, unit, String.valueOf(e.getMessage())), e);
        }
    }

    @PreDestroy
    synchronized void close() {
        List<EntityManagerFactory> factories = new ArrayList<>();
        factories.add(master);
        for (int i = 0; i < standbys.length(); i++) {
            factories.add(standbys.getAndSet(i, null));
        }
        master = null;
        close(factories);
    }

    /** Closes each open factory of {@code factories}; a failure is logged and the others are still closed. */
    static void close(List<EntityManagerFactory> factories) {
        for (EntityManagerFactory factory : factories) {
            if (factory != null && factory.isOpen()) {
                try {
                    factory.close();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, Messages.closingUnitFailed(e), e);
                }
            }
        }
    }
}
