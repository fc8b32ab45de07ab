package org.dbchooser.impl.jpa;

/**
 * Where the entity managers of each unit of work come from: the units dbchooser opens
 * itself in plain CDI ({@link SelfManagedUnits}), the container's on an application
 * server ({@link ContainerEntityManagers}). One bean of the two is registered, as the
 * application's {@code persistence.xml} says.
 */
public interface UnitsOfWork {

    /** The entity managers of a new unit of work; none is opened before its first use. */
    RouteEntityManagers open();
}
