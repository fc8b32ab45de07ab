package org.dbchooser.impl;

import java.util.concurrent.atomic.LongAdder;

import org.dbchooser.Route;
import org.dbchooser.impl.RouteDecision.Reason;

/**
 * What routing did, as counters: each costs one {@link LongAdder} increment on the hot
 * path; {@link RouteMetrics} and the readiness check read them when asked.
 */
final class RouteStatistics {

    private final LongAdder[][] decisions = new LongAdder[Route.values().length][Reason.values().length];

    /** Slave-routed reads that a request ran again on the master after the slave failed them. */
    final LongAdder fallbacks = new LongAdder();

    /** Read-your-writes: requests whose token the slave had not reached in time, so the master served their reads. */
    final LongAdder readYourWritesFromMaster = new LongAdder();

    /** Read-your-writes: requests that waited for the slave to reach their token. */
    final LongAdder readYourWritesWaits = new LongAdder();

    RouteStatistics() {
        for (LongAdder[] byReason : decisions) {
            for (int i = 0; i < byReason.length; i++) {
                byReason[i] = new LongAdder();
            }
        }
    }

    void decided(RouteDecision decision) {
        decisions[decision.route().ordinal()][decision.reason().ordinal()].increment();
    }

    long decisions(Route route, Reason reason) {
        return decisions[route.ordinal()][reason.ordinal()].sum();
    }
}
