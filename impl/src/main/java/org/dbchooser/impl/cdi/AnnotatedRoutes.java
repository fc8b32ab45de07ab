package org.dbchooser.impl.cdi;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;

import org.dbchooser.Route;
import org.dbchooser.impl.routing.DeclaredRoutes;
import org.dbchooser.impl.routing.DeclaredRoutes.DeclaredMethod;
import org.dbchooser.impl.routing.MethodRoutes;

/**
 * Reads, when the application deploys, the routes each bean's annotated type declares
 * (directly, inherited, or through a stereotype or an interceptor binding that carries
 * ours) and hands them to {@link DeclaredRoutes}, whose decisions go to
 * {@link MethodRoutes}, which the interceptors ask.
 */
final class AnnotatedRoutes {

    private AnnotatedRoutes() {
    }

    /** Resolves and records the routes of one bean class; problems are added to {@code problems}. */
    static void register(AnnotatedType<?> type, BeanManager beanManager, MethodRoutes into, List<String> problems) {
        List<DeclaredMethod> methods = type.getMethods().stream()
                .map(m -> new DeclaredMethod(m.getJavaMember(), routesOf(m.getAnnotations().stream(), beanManager)))
                .toList();
        DeclaredRoutes.resolve(type.getJavaClass(), routesOf(type.getAnnotations().stream(), beanManager), methods, into,
                problems);
    }

    /** True when the type or one of its methods carries a route, so it needs {@link #register}. */
    static boolean mentionsRoutes(AnnotatedType<?> type, BeanManager beanManager) {
        return !routesOf(type.getAnnotations().stream(), beanManager).isEmpty()
                || type.getMethods().stream().anyMatch(m -> !routesOf(m.getAnnotations().stream(), beanManager).isEmpty());
    }

    /** The routes named by these annotations, through stereotypes and interceptor bindings that carry ours. */
    private static Set<Route> routesOf(Stream<Annotation> annotations, BeanManager beanManager) {
        return DeclaredRoutes.named(annotations.toList(), type -> beanManager.isStereotype(type)
                ? beanManager.getStereotypeDefinition(type)
                : beanManager.isInterceptorBinding(type) ? beanManager.getInterceptorBindingDefinition(type) : Set.of());
    }
}
