package org.dbchooser.impl.routing;

import org.dbchooser.Route;

/**
 * A route together with what chose it. Decisions are built when the application
 * deploys (one per annotated method, per configured pattern, per default) so that
 * choosing a route at run time allocates nothing.
 *
 * @param route  where the work goes
 * @param reason which rule chose it, for the counters
 * @param origin what chose it, in words for messages and logs, e.g.
 *               {@code @ReadOnly on org.example.Items.find(long)}
 */
public record RouteDecision(Route route, Reason reason, String origin) {

    /** The rules that choose a route, as the decision counters name them. */
    public enum Reason {
        PROGRAMMATIC, ANNOTATION, MASTER_PATTERN, SLAVE_PATTERN, REQUEST_METHOD, OUTSIDE_REQUESTS, STICKY,
        /** a request pattern backtracked beyond its budget on this request: the master, which is always right */
        PATTERN_ABANDONED,
        /** stickiness inside an explicit block: still an explicit block for the frames inside it */
        STICKY_PROGRAMMATIC;

        /** The counters' name for the reason: {@code master_pattern}. */
        public String label() {
            return this == STICKY_PROGRAMMATIC ? "sticky" : name().toLowerCase();
        }
    }

    /**
     * Chosen through {@link org.dbchooser.Routing}: annotations met inside the block do
     * not change it.
     */
    public boolean forced() {
        return reason == Reason.PROGRAMMATIC || reason == Reason.STICKY_PROGRAMMATIC;
    }

    /** Nothing chose a route: no request, no annotation, no explicit block. */
    static final RouteDecision OUTSIDE_REQUESTS =
            new RouteDecision(Route.MASTER, Reason.OUTSIDE_REQUESTS, "the default outside HTTP requests (master)");

    /** A transaction that has used the master keeps later work on the master. */
    public static final RouteDecision STICKY =
            new RouteDecision(Route.MASTER, Reason.STICKY, "the transaction already open on the master (stickiness)");

    public static final RouteDecision STICKY_FORCED =
            new RouteDecision(Route.MASTER, Reason.STICKY_PROGRAMMATIC, "the transaction already open on the master (stickiness)");

    static final RouteDecision PROGRAMMATIC_MASTER =
            new RouteDecision(Route.MASTER, Reason.PROGRAMMATIC, "Routing.call(MASTER, ...)");

    static final RouteDecision PROGRAMMATIC_SLAVE =
            new RouteDecision(Route.SLAVE, Reason.PROGRAMMATIC, "Routing.call(SLAVE, ...)");

    public static RouteDecision programmatic(Route route) {
        return route == Route.MASTER ? PROGRAMMATIC_MASTER : PROGRAMMATIC_SLAVE;
    }
}
