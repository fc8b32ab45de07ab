package org.dbchooser.impl.jpa;

import org.dbchooser.impl.ConfigKeys;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import org.dbchooser.impl.config.DeploymentState;

/**
 * On an application server, the container's persistence units: the master's below
 * (its name is a placeholder that the extension replaces with
 * {@code db_chooser.master-unit}; on Payara, the reference {@value #MASTER_UNIT_REF} decides,
 * as for {@link ContainerEntityManagers}), and each standby's in a
 * {@link ContainerStandbyUnit}. Where the server did not inject a standby's unit,
 * dbchooser opens it by its name.
 */
@ApplicationScoped
public class ContainerUnits implements RouteUnits {

    /** The name of the master's persistence unit reference, for a {@code <persistence-unit-ref>}. */
    public static final String MASTER_UNIT_REF = "dbchooser/master-unit";

    @PersistenceUnit(name = MASTER_UNIT_REF, unitName = ConfigKeys.DEFAULT_MASTER_UNIT)
    EntityManagerFactory master;

    @Inject
    @Any
    Instance<ContainerStandbyUnit> standbyUnits;

    @Inject
    DeploymentState state;

    private volatile EntityManagerFactory[] standbys;

    /** The standbys' units that dbchooser opened itself (see {@link #resolve()}): closed with the application. */
    private final List<EntityManagerFactory> opened = new ArrayList<>();

    @Override
    public EntityManagerFactory master() {
        return master;
    }

    @Override
    public EntityManagerFactory standby(int standby) {
        EntityManagerFactory[] resolved = standbys;
        return (resolved != null ? resolved : resolve())[standby];
    }

    private synchronized EntityManagerFactory[] resolve() {
        if (standbys == null) {
            List<String> names = state.config().slaveUnits();
            EntityManagerFactory[] factories = new EntityManagerFactory[names.size()];
            for (int i = 0; i < factories.length; i++) {
                EntityManagerFactory injected = standbyUnits.select(new StandbyUnitName.Literal(names.get(i))).get().factory;
                if (injected != null) {
                    factories[i] = injected;
                } else {
                    // Payara injects only what a class's own bytecode declares, and ContainerStandbyUnit
                    // declares nothing: the unit is opened by its name from the application's
                    // persistence.xml, on its non-JTA data source, whose pool stays the server's
                    factories[i] = SelfManagedUnits.create(ConfigKeys.SLAVE_UNIT, names.get(i));
                    opened.add(factories[i]);
                }
            }
            standbys = factories;
        }
        return standbys;
    }

    @PreDestroy
    synchronized void close() {
        SelfManagedUnits.close(opened);
        opened.clear();
    }
}
