package org.dbchooser.impl.config;

import org.dbchooser.impl.routing.MethodRoutes;
import org.dbchooser.impl.routing.RequestRouter;
import org.dbchooser.impl.routing.RouteHealth;
import org.dbchooser.impl.routing.RouteStatistics;

/**
 * What the application's deployment decided, handed to every dbchooser bean as one
 * bean (the CDI extension registers it): the configuration as read and validated, the
 * request router built from its patterns, the route of every annotated method, and the
 * shared state the hot path reads (the servers' health) and counts into (the decisions).
 *
 * @param config       the configuration, validated
 * @param requestRouter the seed's HTTP rule with the configured patterns
 * @param methodRoutes the route of every {@code @ReadOnly} / {@code @Master} method
 * @param health       the servers' state, kept by the replica monitor and the maintenance switch
 * @param statistics   the decision and fallback counters the metrics read
 */
public record DeploymentState(DbChooserConfig config, RequestRouter requestRouter, MethodRoutes methodRoutes,
        RouteHealth health, RouteStatistics statistics) {

    /** What deployment decided from {@code config} and {@code methodRoutes}: the router of its patterns, fresh state. */
    public static DeploymentState of(DbChooserConfig config, MethodRoutes methodRoutes) {
        return new DeploymentState(config, new RequestRouter(config.masterPatterns(), config.slavePatterns(), config.slaveMethods()),
                methodRoutes, new RouteHealth(config.readOnly(), config.slaveUnits().size()), new RouteStatistics());
    }
}
