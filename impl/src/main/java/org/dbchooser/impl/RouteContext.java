package org.dbchooser.impl;

import org.dbchooser.Route;

/**
 * The route of the unit of work running on the current thread. One mutable instance
 * per unit of work: entering and leaving a route saves and restores one field, so
 * routing allocates nothing per call. Whoever sets a field restores it in
 * {@code finally}. The unit of work (an HTTP request, an outermost frame) opens the
 * thread's instance and removes it when it ends, so that a pooled server thread keeps
 * nothing of the application: an instance left on it would hold the application's
 * class loader after the application is undeployed.
 */
public final class RouteContext {

    private static final ThreadLocal<RouteContext> CURRENT = new ThreadLocal<>();

    /**
     * What a thread with no unit of work open sees: no route chosen (the master). Never
     * written: the code that would write to it (the routed entity manager) checks.
     */
    static final RouteContext NONE = new RouteContext();

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

    /** The thread's unit of work, or {@link #NONE}. */
    public static RouteContext current() {
        RouteContext context = CURRENT.get();
        return context == null ? NONE : context;
    }

    /** The thread's unit of work, made now if none is open; whoever made it calls {@link #close()}. */
    static RouteContext open() {
        RouteContext context = CURRENT.get();
        if (context == null) {
            context = new RouteContext();
            CURRENT.set(context);
        }
        return context;
    }

    /** Ends the thread's unit of work: nothing of it stays on the thread. */
    static void close() {
        CURRENT.remove();
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
        return decision == null && request == null && depth == 0 && !masterUsed && !readFromMaster;
    }

    void clear() {
        decision = null;
        request = null;
        depth = 0;
        masterUsed = false;
        readFromMaster = false;
    }
}
