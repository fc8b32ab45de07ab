package org.dbchooser.impl.cdi;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;

import org.dbchooser.Master;
import org.dbchooser.ReadOnly;
import org.dbchooser.Route;
import org.dbchooser.impl.Messages;
import org.dbchooser.impl.routing.MethodRoutes;
import org.dbchooser.impl.routing.RouteDecision;
import org.dbchooser.impl.routing.RouteDecision.Reason;

/**
 * Resolves, when the application deploys, the route of every {@code @ReadOnly} /
 * {@code @Master} business method from the bean's annotated type: the method's own
 * annotation beats its class's (directly, inherited, or through a stereotype), and
 * misplaced annotations are problems. The result goes to {@link MethodRoutes}, which
 * the interceptors ask.
 */
final class AnnotatedRoutes {

    private AnnotatedRoutes() {
    }

    /** Resolves and records the routes of one bean class; problems are added to {@code problems}. */
    static void register(AnnotatedType<?> type, BeanManager beanManager, MethodRoutes into, List<String> problems) {
        String typeName = type.getJavaClass().getName();
        Set<Route> classRoutes = routesOf(type.getAnnotations().stream(), beanManager);
        Route classRoute = null;
        if (classRoutes.size() > 1) {
            problems.add(Messages.bothOnClass(typeName));
        } else if (!classRoutes.isEmpty()) {
            classRoute = classRoutes.iterator().next();
        }
        Map<Method, RouteDecision> routes = new HashMap<>();
        for (AnnotatedMethod<?> annotated : type.getMethods()) {
            Method method = annotated.getJavaMember();
            Set<Route> methodRoutes = routesOf(annotated.getAnnotations().stream(), beanManager);
            int modifiers = method.getModifiers();
            boolean business = !Modifier.isStatic(modifiers) && !Modifier.isPrivate(modifiers)
                    && method.getDeclaringClass() != Object.class;
            if (methodRoutes.size() > 1) {
                problems.add(Messages.bothOnMethod(MethodRoutes.describe(method)));
            } else if (methodRoutes.size() == 1) {
                Route route = methodRoutes.iterator().next();
                if (!business) {
                    problems.add(Messages.notInterceptable(MethodRoutes.annotation(route), MethodRoutes.describe(method),
                            Modifier.isStatic(modifiers) ? "static" : "private"));
                } else {
                    routes.put(method, new RouteDecision(route, Reason.ANNOTATION,
                            MethodRoutes.annotation(route) + " on " + MethodRoutes.describe(method)));
                }
            } else if (classRoute != null && business) {
                routes.put(method, new RouteDecision(classRoute, Reason.ANNOTATION, MethodRoutes.annotation(classRoute)
                        + " on class " + typeName + " (method " + MethodRoutes.describe(method) + ")"));
            }
        }
        into.put(type.getJavaClass(), routes);
    }

    /** True when the type or one of its methods carries a route, so it needs {@link #register}. */
    static boolean mentionsRoutes(AnnotatedType<?> type, BeanManager beanManager) {
        return !routesOf(type.getAnnotations().stream(), beanManager).isEmpty()
                || type.getMethods().stream().anyMatch(m -> !routesOf(m.getAnnotations().stream(), beanManager).isEmpty());
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
}
