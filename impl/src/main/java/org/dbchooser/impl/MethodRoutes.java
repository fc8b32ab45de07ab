package org.dbchooser.impl;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;

import org.dbchooser.Master;
import org.dbchooser.ReadOnly;
import org.dbchooser.Route;
import org.dbchooser.impl.RouteDecision.Reason;

/**
 * The route of every {@code @ReadOnly} / {@code @Master} business method, resolved
 * when the application deploys: the method's own annotation beats its class's
 * (directly, inherited, or through a stereotype). Both interceptors look the method
 * up here, so the answer does not depend on which of them runs first.
 */
final class MethodRoutes {

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

    /** Resolves and records the routes of one bean class; problems are added to {@code problems}. */
    void register(AnnotatedType<?> type, BeanManager beanManager, List<String> problems) {
        String typeName = type.getJavaClass().getName();
        Set<Route> classRoutes = routesOf(type.getAnnotations().stream(), beanManager);
        Route classRoute = null;
        if (classRoutes.size() > 1) {
            problems.add(Messages.bothOnClass(typeName));
        } else if (!classRoutes.isEmpty()) {
            classRoute = classRoutes.iterator().next();
        }
        Map<Method, RouteDecision> routes = new ConcurrentHashMap<>();
        for (AnnotatedMethod<?> annotated : type.getMethods()) {
            Method method = annotated.getJavaMember();
            Set<Route> methodRoutes = routesOf(annotated.getAnnotations().stream(), beanManager);
            int modifiers = method.getModifiers();
            boolean business = !Modifier.isStatic(modifiers) && !Modifier.isPrivate(modifiers)
                    && method.getDeclaringClass() != Object.class;
            if (methodRoutes.size() > 1) {
                problems.add(Messages.bothOnMethod(describe(method)));
            } else if (methodRoutes.size() == 1) {
                Route route = methodRoutes.iterator().next();
                if (!business) {
                    problems.add(Messages.notInterceptable(annotation(route), describe(method),
                            Modifier.isStatic(modifiers) ? "static" : "private"));
                } else {
                    routes.put(method, new RouteDecision(route, Reason.ANNOTATION, annotation(route) + " on " + describe(method)));
                }
            } else if (classRoute != null && business) {
                routes.put(method, new RouteDecision(classRoute, Reason.ANNOTATION,
                        annotation(classRoute) + " on class " + typeName + " (method " + describe(method) + ")"));
            }
        }
        if (!routes.isEmpty()) {
            byBeanClass.put(type.getJavaClass(), routes);
        }
    }

    /** True when the type or one of its methods carries a route, so it needs {@link #register}. */
    static boolean mentionsRoutes(AnnotatedType<?> type, BeanManager beanManager) {
        return !routesOf(type.getAnnotations().stream(), beanManager).isEmpty()
                || type.getMethods().stream().anyMatch(m -> !routesOf(m.getAnnotations().stream(), beanManager).isEmpty());
    }

    /**
     * The decision for {@code method} called on an instance of {@code targetClass}.
     * A method the container intercepts but deployment did not record (a bean added
     * in a way no portable event reports) gets the route of the interceptor that
     * runs, recorded on first use.
     */
    RouteDecision lookup(Class<?> targetClass, Method method, Route interceptorRoute) {
        Map<Method, RouteDecision> routes = byTargetClass.get(targetClass);
        RouteDecision decision = routes.get(method);
        if (decision == null) {
            decision = routes.computeIfAbsent(method,
                    m -> new RouteDecision(interceptorRoute, Reason.ANNOTATION, annotation(interceptorRoute) + " on " + describe(m)));
        }
        return decision;
    }

    /** The routes named by these annotations, through stereotypes and interceptor bindings that carry ours. */
    private static Set<Route> routesOf(Stream<Annotation> annotations, BeanManager beanManager) {
        Set<Route> routes = EnumSet.noneOf(Route.class);
        annotations.forEach(a -> collect(a, beanManager, routes, 0));
        return routes;
    }

    private static void collect(Annotation annotation, BeanManager beanManager, Set<Route> routes, int depth) {
        Class<? extends Annotation> type = annotation.annotationType();
        if (type == ReadOnly.class) {
            routes.add(Route.SLAVE);
        } else if (type == Master.class) {
            routes.add(Route.MASTER);
        } else if (depth < 8 && beanManager.isStereotype(type)) {
            beanManager.getStereotypeDefinition(type).forEach(a -> collect(a, beanManager, routes, depth + 1));
        } else if (depth < 8 && beanManager.isInterceptorBinding(type)) {
            beanManager.getInterceptorBindingDefinition(type).forEach(a -> collect(a, beanManager, routes, depth + 1));
        }
    }

    static String annotation(Route route) {
        return route == Route.MASTER ? "@Master" : "@ReadOnly";
    }

    static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName()
                + Stream.of(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }
}
