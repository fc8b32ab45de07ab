package org.dbchooser.impl.routing;

import java.lang.reflect.Method;
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
     * The class an interceptor sees as target is the bean class or a subclass the
     * container generated; each is mapped once to its bean class's table.
     */
    private final ClassValue<Map<Method, RouteDecision>> byTargetClass = new ClassValue<>() {
        @Override
        protected Map<Method, RouteDecision> computeValue(Class<?> type) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                Map<Method, RouteDecision> routes = byBeanClass.get(c);
                if (routes != null) {
                    return routes;
                }
            }
            return new ConcurrentHashMap<>();
        }
    };

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
        Map<Method, RouteDecision> routes = byTargetClass.get(targetClass);
        RouteDecision decision = routes.get(method);
        if (decision == null) {
            decision = routes.computeIfAbsent(method,
                    m -> new RouteDecision(interceptorRoute, Reason.ANNOTATION, annotation(interceptorRoute) + " on " + describe(m)));
        }
        return decision;
    }

    public static String annotation(Route route) {
        return route == Route.MASTER ? "@Master" : "@ReadOnly";
    }

    public static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName()
                + Stream.of(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }
}
