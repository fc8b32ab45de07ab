package org.dbchooser.impl;

import org.dbchooser.Route;

/**
 * The route of the work running on the current thread. One mutable instance per
 * thread: entering and leaving a route saves and restores one field, so routing
 * allocates nothing per call. Whoever sets a field restores it in {@code finally},
 * and leaving the outermost frame leaves the thread clean for the next request a
 * pooled thread serves.
 */
public final class RouteContext {

    private static final ThreadLocal<RouteContext> CURRENT = ThreadLocal.withInitial(RouteContext::new);

    /** The decision in force; {@code null} when nothing chose one. */
    RouteDecision decision;

    /** {@code "METHOD PATH"} of the HTTP request this thread serves, or {@code null}. */
    String request;

    /** How many route frames (request, annotated call, explicit block) are open. */
    int depth;

    /**
     * The unit of work has used the master route. Stickiness asks about a master
     * transaction only then; a request that did gets a read-your-writes token. A hint
     * that may stay true longer than needed, never false when the master was used.
     */
    boolean masterUsed;

    /** Read-your-writes: this request's slave-routed reads come from the master (the slave has not caught up). */
    boolean readFromMaster;

    private RouteContext() {
    }

    public static RouteContext current() {
        return CURRENT.get();
    }

    public Route route() {
        RouteDecision d = decision;
        return d == null ? Route.MASTER : d.route();
    }

    RouteDecision decisionOrDefault() {
        RouteDecision d = decision;
        return d == null ? RouteDecision.OUTSIDE_REQUESTS : d;
    }

    /** True when no frame is open and nothing is left from earlier work. */
    boolean isClean() {
        return decision == null && request == null && depth == 0 && !readFromMaster;
    }

    void clear() {
        decision = null;
        request = null;
        depth = 0;
        masterUsed = false;
        readFromMaster = false;
    }
}
