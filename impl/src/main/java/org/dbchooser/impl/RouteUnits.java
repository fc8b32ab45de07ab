package org.dbchooser.impl;

import jakarta.persistence.EntityManagerFactory;

import org.dbchooser.Route;

/**
 * The persistence unit of each route, for work that belongs to no request: the
 * replica monitor's probes. In plain CDI the units dbchooser opened
 * ({@link SelfManagedUnits}); on an application server the container's
 * ({@link ContainerUnits}).
 */
interface RouteUnits {

    EntityManagerFactory factory(Route route);
}
