package org.dbchooser.impl.jpa;

import org.dbchooser.impl.ConfigKeys;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

/**
 * On an application server, the container's persistence unit of one standby. The
 * extension registers this class once per unit that {@code db_chooser.slave-unit}
 * lists, each with its {@link StandbyUnitName} and the unit's name in place of the
 * placeholder below: the container injects each unit as it injects an application's.
 */
public class ContainerStandbyUnit {

    @PersistenceUnit(unitName = ConfigKeys.DEFAULT_SLAVE_UNIT)
    EntityManagerFactory factory;
}
