package org.dbchooser.quarkus;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.inject.Stereotype;
import jakarta.interceptor.InterceptorBinding;

import org.dbchooser.Route;
import org.dbchooser.impl.routing.DeclaredRoutes;
import org.dbchooser.impl.routing.DeclaredRoutes.DeclaredMethod;
import org.dbchooser.impl.routing.MethodRoutes;

/**
 * Reads, when a Quarkus application starts, the routes a bean class declares, from its
 * class file's annotations (ArC hands no annotated type to a library at run time):
 * directly, inherited, or through a stereotype or an interceptor binding that carries
 * ours. The rule itself is {@link DeclaredRoutes}, as on every other server.
 */
final class ReflectedRoutes {

    private ReflectedRoutes() {
    }

    /** Resolves and records the routes of {@code beanClass}; problems are added to {@code problems}. */
    static void register(Class<?> beanClass, MethodRoutes into, List<String> problems) {
        List<DeclaredMethod> methods = new ArrayList<>();
        Set<String> overridden = new HashSet<>();
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isSynthetic() || method.isBridge()) {
                    continue;
                }
                boolean inheritable = !Modifier.isPrivate(method.getModifiers()) && !Modifier.isStatic(method.getModifiers());
                // a subclass's method hides the one it overrides, as in the bean's annotated type
                if (inheritable && !overridden.add(method.getName() + Arrays.toString(method.getParameterTypes()))) {
                    continue;
                }
                methods.add(new DeclaredMethod(method, routesOf(method.getAnnotations())));
            }
        }
        DeclaredRoutes.resolve(beanClass, routesOf(beanClass.getAnnotations()), methods, into, problems);
    }

    /** The routes these annotations name, through stereotypes and interceptor bindings as their class files declare them. */
    private static Set<Route> routesOf(Annotation[] annotations) {
        return DeclaredRoutes.named(List.of(annotations), type -> type.isAnnotationPresent(Stereotype.class)
                || type.isAnnotationPresent(InterceptorBinding.class) ? List.of(type.getAnnotations()) : List.of());
    }
}
