package org.dbchooser.impl.routing;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dbchooser.Master;
import org.dbchooser.ReadOnly;
import org.dbchooser.Route;
import org.dbchooser.impl.Messages;
import org.dbchooser.impl.routing.RouteDecision.Reason;

/**
 * The rule for the routes a bean class declares with {@code @ReadOnly} / {@code @Master},
 * applied when the application deploys: a method's own annotation beats its class's, a
 * method or class cannot name both routes, and a method the container cannot intercept
 * (static, private) cannot carry one. Plain Java: each container says which annotations
 * a stereotype or an interceptor binding carries ({@link Carried}), {@link #named} finds
 * the routes, and {@link #resolve} decides.
 */
public final class DeclaredRoutes {

    private DeclaredRoutes() {
    }

    /** How deep stereotypes and bindings may nest: deeper is a cycle. */
    private static final int MAX_DEPTH = 8;

    /**
     * The annotations an annotation carries as a stereotype or an interceptor binding,
     * as the container sees them; none for any other annotation.
     */
    public interface Carried {
        Collection<Annotation> of(Class<? extends Annotation> annotationType);
    }

    /** The routes named by {@code annotations}: {@code @ReadOnly}, {@code @Master}, and those the annotations carry. */
    public static Set<Route> named(Collection<Annotation> annotations, Carried carried) {
        Set<Route> routes = EnumSet.noneOf(Route.class);
        for (Annotation annotation : annotations) {
            collect(annotation, carried, routes, 0);
        }
        return routes;
    }

    private static void collect(Annotation annotation, Carried carried, Set<Route> routes, int depth) {
        Class<? extends Annotation> type = annotation.annotationType();
        if (type == ReadOnly.class) {
            routes.add(Route.SLAVE);
        } else if (type == Master.class) {
            routes.add(Route.MASTER);
        } else if (depth < MAX_DEPTH) {
            for (Annotation inner : carried.of(type)) {
                collect(inner, carried, routes, depth + 1);
            }
        }
    }

    /** One method of the bean class, with the routes named by its own annotations (none, one, or both). */
    public record DeclaredMethod(Method method, Set<Route> routes) {
    }

    /**
     * Records in {@code into} the decision of each business method of {@code beanClass};
     * every problem found is added to {@code problems}.
     *
     * @param classRoutes the routes named by the class's annotations
     * @param methods     every method of the class, inherited ones included
     */
    public static void resolve(Class<?> beanClass, Set<Route> classRoutes, List<DeclaredMethod> methods,
            MethodRoutes into, List<String> problems) {
        String typeName = beanClass.getName();
        Route classRoute = null;
        if (classRoutes.size() > 1) {
            problems.add(Messages.bothOnClass(typeName));
        } else if (!classRoutes.isEmpty()) {
            classRoute = classRoutes.iterator().next();
        }
        Map<Method, RouteDecision> routes = new HashMap<>();
        for (DeclaredMethod declared : methods) {
            Method method = declared.method();
            int modifiers = method.getModifiers();
            boolean business = !Modifier.isStatic(modifiers) && !Modifier.isPrivate(modifiers)
                    && method.getDeclaringClass() != Object.class;
            if (declared.routes().size() > 1) {
                problems.add(Messages.bothOnMethod(MethodRoutes.describe(method)));
            } else if (declared.routes().size() == 1) {
                Route route = declared.routes().iterator().next();
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
        into.put(beanClass, routes);
    }
}
