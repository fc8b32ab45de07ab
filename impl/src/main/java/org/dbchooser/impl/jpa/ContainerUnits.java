package org.dbchooser.impl.jpa;

import org.dbchooser.impl.ConfigKeys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import org.dbchooser.Route;

/**
 * On an application server, the container's two persistence units. The unit names
 * below are placeholders: the extension replaces them with {@code db_chooser.master-unit}
 * and {@code db_chooser.slave-unit}.
 */
@ApplicationScoped
public class ContainerUnits implements RouteUnits {

    @PersistenceUnit(unitName = ConfigKeys.DEFAULT_MASTER_UNIT)
    EntityManagerFactory master;

    @PersistenceUnit(unitName = ConfigKeys.DEFAULT_SLAVE_UNIT)
    EntityManagerFactory slave;

    @Override
    public EntityManagerFactory factory(Route route) {
        return route == Route.MASTER ? master : slave;
    }
}
