package org.dbchooser.impl.routing;

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
    public static final RouteContext NONE = new RouteContext();

    private RouteDecision decision;
    private String request;
    private int depth;
    private boolean masterUsed;
    private boolean readFromMaster;
    private int standby = -1;
    private RouteRules.MasterTransaction entityManagers;

    private RouteContext() {
    }

    /** The thread's unit of work, or {@link #NONE}. */
    public static RouteContext current() {
        RouteContext context = CURRENT.get();
        return context == null ? NONE : context;
    }

    /** The thread's unit of work, made now if none is open; whoever made it calls {@link #close()}. */
    public static RouteContext open() {
        RouteContext context = CURRENT.get();
        if (context == null) {
            context = new RouteContext();
            CURRENT.set(context);
        }
        return context;
    }

    /** Ends the thread's unit of work: nothing of it stays on the thread. */
    public static void close() {
        CURRENT.remove();
    }

    public Route route() {
        RouteDecision d = decision;
        return d == null ? Route.MASTER : d.route();
    }

    public RouteDecision decisionOrDefault() {
        RouteDecision d = decision;
        return d == null ? RouteDecision.OUTSIDE_REQUESTS : d;
    }

    /** True when no frame is open and nothing is left from earlier work. */
    public boolean isClean() {
        return decision == null && request == null && depth == 0 && !masterUsed && !readFromMaster && standby < 0
                && entityManagers == null;
    }

    public void clear() {
        decision = null;
        request = null;
        depth = 0;
        masterUsed = false;
        readFromMaster = false;
        standby = -1;
        entityManagers = null;
    }

    /** The decision in force; {@code null} when nothing chose one. */
    public RouteDecision decision() {
        return decision;
    }

    public void decision(RouteDecision decision) {
        this.decision = decision;
    }

    /** {@code "METHOD PATH"} of the HTTP request this thread serves, or {@code null}. */
    public String request() {
        return request;
    }

    public void request(String request) {
        this.request = request;
    }

    /** How many route frames (request, annotated call, explicit block) are open. */
    public int depth() {
        return depth;
    }

    /** A frame opens. */
    public void enter() {
        depth++;
    }

    /** A frame closes. */
    public void leave() {
        depth--;
    }

    /**
     * The unit of work has used the master route. Stickiness asks about a master
     * transaction only then; a request that did gets a read-your-writes token. A hint
     * that may stay true longer than needed, never false when the master was used.
     */
    public boolean masterUsed() {
        return masterUsed;
    }

    public void masterUsed(boolean masterUsed) {
        this.masterUsed = masterUsed;
    }

    /** Read-your-writes: this request's slave-routed reads come from the master (the slave has not caught up). */
    public boolean readFromMaster() {
        return readFromMaster;
    }

    public void readFromMaster(boolean readFromMaster) {
        this.readFromMaster = readFromMaster;
    }

    /**
     * Read-your-writes: the standby (its number in {@code db_chooser.slave-unit}) that has
     * replayed the client's token, which this request's slave-routed reads use; -1 when
     * any serving standby will do.
     */
    public int standby() {
        return standby;
    }

    public void standby(int standby) {
        this.standby = standby;
    }

    /**
     * The unit of work's entity managers (the persistence layer's {@code RouteEntityManagers},
     * seen here only as what stickiness asks), so that each call reaches them without a
     * container hop; {@code null} until the unit of work first uses them.
     */
    @SuppressWarnings("unchecked")
    public <T extends RouteRules.MasterTransaction> T entityManagers() {
        return (T) entityManagers;
    }

    public void entityManagers(RouteRules.MasterTransaction entityManagers) {
        this.entityManagers = entityManagers;
    }
}
