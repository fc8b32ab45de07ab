package org.dbchooser.impl.routing;

import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dbchooser.Route;
import org.dbchooser.impl.routing.RouteDecision.Reason;

/**
 * The route of every {@code @ReadOnly} / {@code @Master} business method, resolved
 * when the application deploys (the CDI extension fills it) and looked up by both
 * interceptors, so the answer does not depend on which of them runs first.
 */
public final class MethodRoutes {

    /** Bean class to its methods' decisions; written while the application deploys, read-only afterwards. */
    private final Map<Class<?>, Map<Method, RouteDecision>> byBeanClass = new ConcurrentHashMap<>();

    /**
     * The class an interceptor sees as target (the bean class or a subclass the container
     * generated) to the decisions looked up through it, by the {@code Method} instance
     * the container hands the interceptor: the same on every call, so it is matched by
     * identity. The deployment table's instances are equal but not the same; hashing and
     * comparing them took a sixth of a call.
     */
    private final ClassValue<SeenMethods> byTargetClass = new ClassValue<>() {
        @Override
        protected SeenMethods computeValue(Class<?> type) {
            return new SeenMethods();
        }
    };

    /** Decisions by method instance: read without a lock, and copied to add one, once per method. */
    private static final class SeenMethods {

        private volatile IdentityHashMap<Method, RouteDecision> decisions = new IdentityHashMap<>();

        RouteDecision get(Method method) {
            return decisions.get(method);
        }

        /**
         * Keeps {@code decision} for {@code method} and returns it, unless an equal method
         * is kept already: then that one's decision. A container that handed a new instance
         * on every call would otherwise grow this without end (its calls take this slower
         * path each time, and get the same decisions).
         */
        synchronized RouteDecision keep(Method method, RouteDecision decision) {
            for (Map.Entry<Method, RouteDecision> kept : decisions.entrySet()) {
                if (kept.getKey().equals(method)) {
                    return kept.getValue();
                }
            }
            IdentityHashMap<Method, RouteDecision> copy = new IdentityHashMap<>(decisions);
            copy.put(method, decision);
            decisions = copy;
            return decision;
        }
    }

    /** Records the decisions of one bean class's methods. */
    public void put(Class<?> beanClass, Map<Method, RouteDecision> routes) {
        if (!routes.isEmpty()) {
            byBeanClass.put(beanClass, new ConcurrentHashMap<>(routes));
        }
    }

    /**
     * The decision for {@code method} called on an instance of {@code targetClass}.
     * A method the container intercepts but deployment did not record (a bean added
     * in a way no portable event reports) gets the route of the interceptor that
     * runs, recorded on first use.
     */
    public RouteDecision lookup(Class<?> targetClass, Method method, Route interceptorRoute) {
        SeenMethods seen = byTargetClass.get(targetClass);
        RouteDecision decision = seen.get(method);
        if (decision == null) {
            decision = seen.keep(method, deployed(targetClass, method, interceptorRoute));
        }
        return decision;
    }

    /**
     * The decision deployment recorded for {@code method} in the table of the nearest class
     * of {@code targetClass} that has one (its bean class), or the interceptor's route.
     */
    private RouteDecision deployed(Class<?> targetClass, Method method, Route interceptorRoute) {
        Map<Method, RouteDecision> routes = null;
        for (Class<?> c = targetClass; c != null && routes == null; c = c.getSuperclass()) {
            routes = byBeanClass.get(c);
        }
        RouteDecision decision = routes == null ? null : routes.get(method);
        return decision != null ? decision
                : new RouteDecision(interceptorRoute, Reason.ANNOTATION, annotation(interceptorRoute) + " on " + describe(method));
    }

    public static String annotation(Route route) {
        return route == Route.MASTER ? "@Master" : "@ReadOnly";
    }

    public static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName()
                + Stream.of(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }
}
