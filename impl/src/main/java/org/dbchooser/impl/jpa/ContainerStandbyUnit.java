package org.dbchooser.impl.jpa;

import jakarta.persistence.EntityManagerFactory;

/**
 * On an application server, the container's persistence unit of one standby. The
 * extension registers this class once per unit that {@code db_chooser.slave-unit}
 * lists, each with its {@link StandbyUnitName}, and gives {@link #factory} a
 * {@code @PersistenceUnit} that names the unit: a server that injects by the bean's
 * annotated type (WildFly) injects each unit as it injects an application's. The field
 * has no annotation in the class itself, so that a server that injects only by the
 * class's bytecode (Payara) leaves it {@code null} rather than giving every standby the
 * same unit; {@link ContainerUnits} then opens the unit by its name.
 */
public class ContainerStandbyUnit {

    EntityManagerFactory factory;
}
