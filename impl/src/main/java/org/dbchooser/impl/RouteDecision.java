package org.dbchooser.impl;

import org.dbchooser.Route;

/**
 * A route together with what chose it. Decisions are built when the application
 * deploys (one per annotated method, per configured pattern, per default) so that
 * choosing a route at run time allocates nothing.
 *
 * @param route  where the work goes
 * @param origin what chose it, in words for messages and logs, e.g.
 *               {@code @ReadOnly on org.example.Items.find(long)}
 * @param forced chosen through {@link org.dbchooser.Routing}: annotations met inside
 *               the block do not change it
 */
public record RouteDecision(Route route, String origin, boolean forced) {

    /** Nothing chose a route: no request, no annotation, no explicit block. */
    static final RouteDecision OUTSIDE_REQUESTS =
            new RouteDecision(Route.MASTER, "the default outside HTTP requests (master)", false);

    /** A transaction that has used the master keeps later work on the master. */
    static final RouteDecision STICKY =
            new RouteDecision(Route.MASTER, "the transaction already open on the master (stickiness)", false);

    static final RouteDecision STICKY_FORCED =
            new RouteDecision(Route.MASTER, "the transaction already open on the master (stickiness)", true);

    static final RouteDecision PROGRAMMATIC_MASTER =
            new RouteDecision(Route.MASTER, "Routing.call(MASTER, ...)", true);

    static final RouteDecision PROGRAMMATIC_SLAVE =
            new RouteDecision(Route.SLAVE, "Routing.call(SLAVE, ...)", true);

    static RouteDecision programmatic(Route route) {
        return route == Route.MASTER ? PROGRAMMATIC_MASTER : PROGRAMMATIC_SLAVE;
    }
}
