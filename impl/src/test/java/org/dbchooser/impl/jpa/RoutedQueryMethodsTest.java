package org.dbchooser.impl.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The routed queries are plain delegates the compiler checks against Jakarta
 * Persistence 3.1, the API the jar is built with. The methods 3.2 adds must be there
 * too, with the same erased signatures, or a 3.2 application calling one gets an
 * AbstractMethodError: checked here against the 3.2 API jar itself.
 */
public class RoutedQueryMethodsTest {

    private static final Path PERSISTENCE_32 = Path.of("target/other-apis/jakarta.persistence-api-3.2.jar");

    @ParameterizedTest(name = "{0} implements every method of Jakarta Persistence {1}''s {2}")
    @CsvSource({
        "RoutedQuery,                3.1, Query",
        "RoutedQuery,                3.2, Query",
        "RoutedTypedQuery,           3.1, TypedQuery",
        "RoutedTypedQuery,           3.2, TypedQuery",
        "RoutedStoredProcedureQuery, 3.1, StoredProcedureQuery",
        "RoutedStoredProcedureQuery, 3.2, StoredProcedureQuery",
    })
    void everyAbstractMethodOfTheInterfaceIsImplemented(String routed, String version, String api) throws Exception {
        Class<?> routedClass = Class.forName("org.dbchooser.impl.jpa." + routed);
        try (URLClassLoader apis = new URLClassLoader(new URL[] {PERSISTENCE_32.toUri().toURL()}, null)) {
            Class<?> apiInterface = version.equals("3.1") ? Class.forName("jakarta.persistence." + api)
                    : Class.forName("jakarta.persistence." + api, false, apis);
            List<String> missing = new ArrayList<>();
            for (Method method : apiInterface.getMethods()) {
                if (Modifier.isAbstract(method.getModifiers()) && !implemented(routedClass, method)) {
                    missing.add(signature(method));
                }
            }
            assertThat(missing).as("methods of %s %s that %s lacks", api, version, routed).isEmpty();
        }
    }

    /** A public method of the same name, erased parameter types and erased return type (compared by name: other loaders). */
    private static boolean implemented(Class<?> routed, Method method) {
        return Arrays.stream(routed.getMethods())
                .filter(m -> !Modifier.isAbstract(m.getModifiers()))
                .anyMatch(m -> signature(m).equals(signature(method)));
    }

    private static String signature(Method method) {
        return method.getReturnType().getName() + " " + method.getName() + Arrays.stream(method.getParameterTypes())
                .map(Class::getName).collect(Collectors.joining(", ", "(", ")"));
    }
}
