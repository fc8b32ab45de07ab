package org.dbchooser.impl;

import jakarta.persistence.EntityManager;

import org.dbchooser.Route;

/**
 * The entity managers the routed {@code EntityManager} hands calls to, one per route,
 * and the one fact stickiness needs: whether the master's transaction is open. This is
 * the seam between routing and persistence: in plain CDI dbchooser opens the units
 * itself ({@link SelfManagedEntityManagers}); on an application server the two units
 * are the container's (a JTA master and a slave kept out of the JTA transaction), and
 * an implementation over them takes this place.
 */
interface RouteEntityManagers {

    /** The entity manager of {@code route} for the current unit of work. */
    EntityManager get(Route route);

    /** True when the current unit of work has a transaction open on the master. */
    boolean masterTransactionActive();
}
