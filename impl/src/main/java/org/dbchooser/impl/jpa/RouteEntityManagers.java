package org.dbchooser.impl.jpa;

import org.dbchooser.impl.routing.RouteRules;

import jakarta.persistence.EntityManager;

import org.dbchooser.Route;

/**
 * The entity managers the routed {@code EntityManager} hands calls to, one per route,
 * and the one fact stickiness needs: whether the master's transaction is open. This is
 * the seam between routing and persistence: in plain CDI dbchooser opens the units
 * itself ({@link SelfManagedEntityManagers}); on an application server the units are
 * the container's (a JTA master, and standbys kept out of the JTA transaction), and an
 * implementation over them takes this place.
 */
public interface RouteEntityManagers extends RouteRules.MasterTransaction {

    /**
     * The entity manager of {@code route} for the current unit of work; on the slave
     * route, that of the standby the unit of work reads from, chosen on its first use.
     */
    EntityManager get(Route route);

    /** The number of the standby the unit of work reads from; -1 before its first slave-routed read. */
    int standby();

    /** The unit of work's standby failed: let it go, so that its next slave-routed read chooses again. */
    void standbyFailed();

    /**
     * True when the current unit of work has a transaction open on the master: stickiness
     * (RouteRules) keeps all its work there until the transaction ends.
     */
    @Override
    boolean masterTransactionActive();
}
