package org.dbchooser.impl.routing;

import org.dbchooser.Route;

/**
 * The rules that pick a route once the candidates are known, as plain functions: the
 * precedence between nested frames, and stickiness (a transaction that has used the
 * master keeps all its work there). The frames apply the first when a frame opens, the
 * routed entity manager the second on every statement.
 */
public final class RouteRules {

    /** Whether the current unit of work has a transaction open on the master; asked only when it can matter. */
    public interface MasterTransaction {
        boolean masterTransactionActive();
    }

    private RouteRules() {
    }

    /**
     * The decision of a frame that opens inside {@code current} asking for
     * {@code requested}: an explicit block beats annotations met inside it; an inner
     * explicit block beats an outer one; otherwise the inner frame wins. Whatever is
     * asked, a transaction open on the master keeps the frame on the master.
     */
    public static RouteDecision frame(RouteDecision current, RouteDecision requested, RouteContext context,
            MasterTransaction transaction) {
        if (current != null && current.forced() && !requested.forced()) {
            return current;
        }
        if (requested.route() == Route.SLAVE && holdsMaster(context, transaction)) {
            return requested.forced() ? RouteDecision.STICKY_FORCED : RouteDecision.STICKY;
        }
        return requested;
    }

    /**
     * The route of one statement of the unit of work: read-only maintenance sends
     * everything to the slave; otherwise a transaction open on the master keeps every
     * statement on the master until it ends, whatever the frame asked for.
     */
    public static Route statement(RouteContext context, boolean readOnlyMaintenance, MasterTransaction transaction) {
        if (readOnlyMaintenance) {
            return Route.SLAVE;
        }
        Route route = context.route();
        return route == Route.SLAVE && holdsMaster(context, transaction) ? Route.MASTER : route;
    }

    /**
     * Only a unit of work that has used the master can have a transaction open there: the
     * others pay one field read, and {@code transaction} (on a server, a hop through the
     * request-scoped holder of the entity managers) is not asked.
     */
    private static boolean holdsMaster(RouteContext context, MasterTransaction transaction) {
        return context.masterUsed() && transaction.masterTransactionActive();
    }
}
