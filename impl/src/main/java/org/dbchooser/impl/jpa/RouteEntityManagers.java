package org.dbchooser.impl.jpa;

import org.dbchooser.impl.routing.RouteRules;

import jakarta.persistence.EntityManager;

import org.dbchooser.Route;

/**
 * The entity managers of one unit of work, which the routed {@code EntityManager} hands
 * calls to, one per route, and the one fact stickiness needs: whether the master's
 * transaction is open. Opened by {@link UnitsOfWork}: in plain CDI over the units
 * dbchooser opens itself ({@link SelfManagedEntityManagers}), on an application server
 * over the container's (a JTA master, and standbys kept out of the JTA transaction,
 * {@link ContainerEntityManagers}). Held by the frame that opened the unit of work's
 * request context, or else by the request context ({@link RequestEntityManagers}); not
 * thread-safe, as a unit of work runs on one thread.
 */
public interface RouteEntityManagers extends RouteRules.MasterTransaction {

    /**
     * The entity manager of {@code route} for this unit of work; on the slave route, that
     * of the standby the unit of work reads from, chosen on its first use.
     */
    EntityManager get(Route route);

    /** The number of the standby the unit of work reads from; -1 before its first slave-routed read. */
    int standby();

    /** The unit of work's standby failed: let it go, so that its next slave-routed read chooses again. */
    void standbyFailed();

    /**
     * True when this unit of work has a transaction open on the master: stickiness
     * (RouteRules) keeps all its work there until the transaction ends.
     */
    @Override
    boolean masterTransactionActive();

    /** The unit of work ends: every entity manager it opened is closed (a transaction left open is rolled back). */
    void close();
}
