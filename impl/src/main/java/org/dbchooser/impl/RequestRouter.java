package org.dbchooser.impl;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.dbchooser.Route;
import org.dbchooser.impl.RouteDecision.Reason;

/**
 * The seed's rule for an HTTP request, decided on {@code "METHOD PATH"}: a
 * {@code db_chooser.master} pattern that matches means master; else a
 * {@code db_chooser.slave} pattern that matches means slave; else the method decides
 * ({@code db_chooser.slave-methods} read from the slave, every other method uses the
 * master). Patterns are anchored at the start only, like Python's {@code re.match}.
 * Every decision it can return is built once, here.
 */
final class RequestRouter {

    private final Pattern[] masterPatterns;
    private final RouteDecision[] masterDecisions;
    private final Pattern[] slavePatterns;
    private final RouteDecision[] slaveDecisions;
    private final Set<String> slaveMethods;
    private final RouteDecision slaveByMethod;
    private final RouteDecision masterByMethod;

    RequestRouter(List<Pattern> masterPatterns, List<Pattern> slavePatterns, Set<String> slaveMethods) {
        this.masterPatterns = masterPatterns.toArray(Pattern[]::new);
        this.masterDecisions = decisions(Route.MASTER, Reason.MASTER_PATTERN, ConfigKeys.MASTER, this.masterPatterns);
        this.slavePatterns = slavePatterns.toArray(Pattern[]::new);
        this.slaveDecisions = decisions(Route.SLAVE, Reason.SLAVE_PATTERN, ConfigKeys.SLAVE, this.slavePatterns);
        this.slaveMethods = slaveMethods;
        this.slaveByMethod = new RouteDecision(Route.SLAVE, Reason.REQUEST_METHOD,
                "the request method (" + String.join(", ", slaveMethods) + " read from the slave: " + ConfigKeys.SLAVE_METHODS + ")");
        this.masterByMethod = new RouteDecision(Route.MASTER, Reason.REQUEST_METHOD,
                "the request method (methods other than " + String.join(", ", slaveMethods) + " use the master: " + ConfigKeys.SLAVE_METHODS + ")");
    }

    private static RouteDecision[] decisions(Route route, Reason reason, String key, Pattern[] patterns) {
        RouteDecision[] decisions = new RouteDecision[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            decisions[i] = new RouteDecision(route, reason, key + " pattern '" + patterns[i].pattern() + "'");
        }
        return decisions;
    }

    /**
     * @param method        the request method as sent, e.g. {@code GET}
     * @param methodAndPath {@code method + " " + path}, the path as {@link RequestPaths#normalize} gives it
     */
    RouteDecision decide(String method, String methodAndPath) {
        for (int i = 0; i < masterPatterns.length; i++) {
            if (masterPatterns[i].matcher(methodAndPath).lookingAt()) {
                return masterDecisions[i];
            }
        }
        for (int i = 0; i < slavePatterns.length; i++) {
            if (slavePatterns[i].matcher(methodAndPath).lookingAt()) {
                return slaveDecisions[i];
            }
        }
        return slaveMethods.contains(method) ? slaveByMethod : masterByMethod;
    }
}
