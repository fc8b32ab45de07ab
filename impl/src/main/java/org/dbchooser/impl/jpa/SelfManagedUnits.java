package org.dbchooser.impl.jpa;

import org.dbchooser.impl.ConfigKeys;
import org.dbchooser.impl.Messages;
import org.dbchooser.impl.config.DbChooserConfig;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.dbchooser.Route;
import org.dbchooser.impl.config.DeploymentState;

/**
 * In plain CDI (no application server), the two persistence units, opened from
 * {@code META-INF/persistence.xml} on first use and closed when the application stops.
 * Opening on first use lets an application start while a slave is still down.
 */
@ApplicationScoped
public class SelfManagedUnits implements RouteUnits {

    private static final Logger LOG = Logger.getLogger(SelfManagedUnits.class.getName());

    private final DbChooserConfig config;
    private volatile EntityManagerFactory master;
    private volatile EntityManagerFactory slave;

    @Inject
    SelfManagedUnits(DeploymentState state) {
        this.config = state.config();
    }

    /** For the container's proxy, which only forwards calls. */
    SelfManagedUnits() {
        this.config = null;
    }

    @Override
    public EntityManagerFactory factory(Route route) {
        EntityManagerFactory factory = route == Route.MASTER ? master : slave;
        return factory != null ? factory : open(route);
    }

    private synchronized EntityManagerFactory open(Route route) {
        if (route == Route.MASTER) {
            if (master == null) {
                master = create(ConfigKeys.MASTER_UNIT, config.masterUnit());
            }
            return master;
        }
        if (slave == null) {
            slave = create(ConfigKeys.SLAVE_UNIT, config.slaveUnit());
        }
        return slave;
    }

    private static EntityManagerFactory create(String key, String unit) {
        try {
            return Persistence.createEntityManagerFactory(unit);
        } catch (RuntimeException e) {
            throw new IllegalStateException(Messages.unitFailed(key, unit, String.valueOf(e.getMessage())), e);
        }
    }

    @PreDestroy
    synchronized void close() {
        for (EntityManagerFactory factory : new EntityManagerFactory[] {master, slave}) {
            if (factory != null && factory.isOpen()) {
                try {
                    factory.close();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, Messages.closingUnitFailed(e), e);
                }
            }
        }
        master = null;
        slave = null;
    }
}
