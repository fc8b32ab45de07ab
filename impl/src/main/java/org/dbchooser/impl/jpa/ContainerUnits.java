package org.dbchooser.impl.jpa;

import org.dbchooser.impl.ConfigKeys;

import java.util.List;

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
 * {@code db_chooser.master-unit}), and each standby's in a {@link ContainerStandbyUnit}.
 */
@ApplicationScoped
public class ContainerUnits implements RouteUnits {

    @PersistenceUnit(unitName = ConfigKeys.DEFAULT_MASTER_UNIT)
    EntityManagerFactory master;

    @Inject
    @Any
    Instance<ContainerStandbyUnit> standbyUnits;

    @Inject
    DeploymentState state;

    private volatile EntityManagerFactory[] standbys;

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
                factories[i] = standbyUnits.select(new StandbyUnitName.Literal(names.get(i))).get().factory;
            }
            standbys = factories;
        }
        return standbys;
    }
}
