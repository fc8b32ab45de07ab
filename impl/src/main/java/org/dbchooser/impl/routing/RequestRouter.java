package org.dbchooser.impl.routing;

import org.dbchooser.impl.ConfigKeys;
import org.dbchooser.impl.Messages;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.dbchooser.Route;
import org.dbchooser.impl.routing.RouteDecision.Reason;

/**
 * The seed's rule for an HTTP request, decided on {@code "METHOD PATH"}: a
 * {@code db_chooser.master} pattern that matches means master; else a
 * {@code db_chooser.slave} pattern that matches means slave; else the method decides
 * ({@code db_chooser.slave-methods} read from the slave, every other method uses the
 * master). Patterns are anchored at the start only, like Python's {@code re.match}.
 * Every decision it can return is built once, here.
 *
 * <p>A match that backtracks beyond its budget ({@link BoundedInput}), or beyond the
 * stack, is abandoned and the request goes to the master, which is right for every
 * request; the first time each pattern gives up is logged.
 */
public final class RequestRouter {

    private static final Logger LOG = Logger.getLogger(RequestRouter.class.getName());

    private final Pattern[] masterPatterns;
    private final RouteDecision[] masterDecisions;
    private final Pattern[] slavePatterns;
    private final RouteDecision[] slaveDecisions;
    /** Master first, then slave patterns: the decision when that pattern gives up, and whether it was logged. */
    private final RouteDecision[] abandonedDecisions;
    private final AtomicBoolean[] abandonLogged;
    private final Set<String> slaveMethods;
    private final RouteDecision slaveByMethod;
    private final RouteDecision masterByMethod;

    public RequestRouter(List<Pattern> masterPatterns, List<Pattern> slavePatterns, Set<String> slaveMethods) {
        this.masterPatterns = masterPatterns.toArray(Pattern[]::new);
        this.masterDecisions = decisions(Route.MASTER, Reason.MASTER_PATTERN, ConfigKeys.MASTER, this.masterPatterns);
        this.slavePatterns = slavePatterns.toArray(Pattern[]::new);
        this.slaveDecisions = decisions(Route.SLAVE, Reason.SLAVE_PATTERN, ConfigKeys.SLAVE, this.slavePatterns);
        RouteDecision[] abandonedMaster = decisions(Route.MASTER, Reason.PATTERN_ABANDONED, ConfigKeys.MASTER, this.masterPatterns);
        RouteDecision[] abandonedSlave = decisions(Route.MASTER, Reason.PATTERN_ABANDONED, ConfigKeys.SLAVE, this.slavePatterns);
        this.abandonedDecisions = new RouteDecision[abandonedMaster.length + abandonedSlave.length];
        System.arraycopy(abandonedMaster, 0, abandonedDecisions, 0, abandonedMaster.length);
        System.arraycopy(abandonedSlave, 0, abandonedDecisions, abandonedMaster.length, abandonedSlave.length);
        this.abandonLogged = new AtomicBoolean[abandonedDecisions.length];
        for (int i = 0; i < abandonLogged.length; i++) {
            abandonLogged[i] = new AtomicBoolean();
        }
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
    public RouteDecision decide(String method, String methodAndPath) {
        if (abandonedDecisions.length == 0) { // no pattern at all
            return byMethod(method);
        }
        BoundedInput input = new BoundedInput(methodAndPath);
        int tried = 0;
        try {
            for (; tried < masterPatterns.length; tried++) {
                if (masterPatterns[tried].matcher(input.reset()).lookingAt()) {
                    return masterDecisions[tried];
                }
            }
            for (; tried < abandonedDecisions.length; tried++) {
                int i = tried - masterPatterns.length;
                if (slavePatterns[i].matcher(input.reset()).lookingAt()) {
                    return slaveDecisions[i];
                }
            }
        } catch (BoundedInput.Exhausted | StackOverflowError e) {
            return abandoned(tried, methodAndPath);
        }
        return byMethod(method);
    }

    private RouteDecision byMethod(String method) {
        return slaveMethods.contains(method) ? slaveByMethod : masterByMethod;
    }

    private RouteDecision abandoned(int pattern, String methodAndPath) {
        RouteDecision decision = abandonedDecisions[pattern];
        if (abandonLogged[pattern].compareAndSet(false, true)) {
            LOG.warning(Messages.patternAbandoned(decision.origin(), methodAndPath));
        }
        return decision;
    }
}
