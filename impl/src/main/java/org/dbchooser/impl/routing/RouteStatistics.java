package org.dbchooser.impl.routing;

import java.util.concurrent.atomic.LongAdder;

import org.dbchooser.Route;
import org.dbchooser.impl.routing.RouteDecision.Reason;

/**
 * What routing did, as counters: each costs one {@link LongAdder} increment on the hot
 * path; the metrics and the readiness check read them when asked.
 */
public final class RouteStatistics {

    private final LongAdder[][] decisions = new LongAdder[Route.values().length][Reason.values().length];

    /** Slave-routed reads that a request ran again on the master after the slave failed them. */
    public final LongAdder fallbacks = new LongAdder();

    /** Read-your-writes: requests whose token the slave had not reached in time, so the master served their reads. */
    public final LongAdder readYourWritesFromMaster = new LongAdder();

    /** Read-your-writes: requests that waited for the slave to reach their token. */
    public final LongAdder readYourWritesWaits = new LongAdder();

    public RouteStatistics() {
        for (LongAdder[] byReason : decisions) {
            for (int i = 0; i < byReason.length; i++) {
                byReason[i] = new LongAdder();
            }
        }
    }

    public void decided(RouteDecision decision) {
        decisions[decision.route().ordinal()][decision.reason().ordinal()].increment();
    }

    public long decisions(Route route, Reason reason) {
        return decisions[route.ordinal()][reason.ordinal()].sum();
    }
}
