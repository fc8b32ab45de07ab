package org.dbchooser.impl.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The jar is compiled against Jakarta Persistence 3.2 and must run on 3.1 (Jakarta EE
 * 10 servers, Hibernate 6). Here its classes are loaded with the 3.1 API, as such a
 * server loads them: every class links and initializes, the container can read every
 * class but the routed entity manager (which is why that one is produced, not a bean
 * class), and the routed delegates implement every method of the 3.1 interfaces.
 */
class Persistence31RuntimeTest {

    private static final Path CLASSES = Path.of("target/classes");
    private static final Path PERSISTENCE_31 = Path.of("target/other-apis/jakarta.persistence-api-3.1.jar");
    private static final String ROUTED_ENTITY_MANAGER = RoutedEntityManager.class.getName();

    /** dbchooser's classes and Jakarta Persistence from their own jars, the rest from the test's class path. */
    private static final class Persistence31Loader extends URLClassLoader {

        Persistence31Loader() throws IOException {
            super(new URL[] {CLASSES.toUri().toURL(), PERSISTENCE_31.toUri().toURL()},
                    Persistence31RuntimeTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.dbchooser.impl.") && !name.startsWith("jakarta.persistence.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }

    private static List<String> implClasses() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            return files.map(CLASSES::relativize).map(Path::toString).filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.')).sorted().toList();
        }
    }

    @Test
    void theLoaderReallyServesPersistence31() throws Exception {
        try (Persistence31Loader loader = new Persistence31Loader()) {
            assertThatThrownBy(() -> Class.forName("jakarta.persistence.FindOption", false, loader))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThat(Class.forName("jakarta.persistence.EntityManager", false, loader).getClassLoader()).isSameAs(loader);
        }
    }

    @Test
    void everyClassLinksAndTheContainerCanReadAllButTheRoutedEntityManager() throws Exception {
        try (Persistence31Loader loader = new Persistence31Loader()) {
            List<String> failures = new ArrayList<>();
            for (String name : implClasses()) {
                try {
                    Class<?> type = Class.forName(name, true, loader);
                    if (!name.equals(ROUTED_ENTITY_MANAGER)) {
                        // what a CDI container does with a bean class
                        type.getDeclaredMethods();
                        type.getDeclaredConstructors();
                        type.getDeclaredFields();
                    }
                } catch (LinkageError | ClassNotFoundException e) {
                    failures.add(name + ": " + e);
                }
            }
            assertThat(failures).as("classes that fail on Jakarta Persistence 3.1").isEmpty();
            // and the reason the routed entity manager is produced rather than a bean class:
            Class<?> routed = Class.forName(ROUTED_ENTITY_MANAGER, true, loader);
            assertThatThrownBy(routed::getDeclaredMethods).isInstanceOf(NoClassDefFoundError.class);
        }
    }

    @ParameterizedTest(name = "{0} implements every method of Jakarta Persistence 3.1''s {1}")
    @CsvSource({
        "RoutedEntityManager,        EntityManager",
        "RoutedQuery,                Query",
        "RoutedTypedQuery,           TypedQuery",
        "RoutedStoredProcedureQuery, StoredProcedureQuery",
        "RoutedTransaction,          EntityTransaction",
    })
    void everyMethodOf31IsImplemented(String routed, String api) throws Exception {
        try (Persistence31Loader loader = new Persistence31Loader()) {
            Class<?> apiInterface = Class.forName("jakarta.persistence." + api, false, loader);
            Class<?> routedClass = Class.forName("org.dbchooser.impl.jpa." + routed, false, loader);
            assertThat(apiInterface.isAssignableFrom(routedClass)).isTrue();
            List<String> missing = new ArrayList<>();
            for (Method method : apiInterface.getMethods()) {
                if (Modifier.isAbstract(method.getModifiers()) && !implemented(routedClass, method)) {
                    missing.add(method.getName() + Arrays.stream(method.getParameterTypes())
                            .map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")")));
                }
            }
            assertThat(missing).as("methods of %s 3.1 that %s lacks", api, routed).isEmpty();
        }
    }

    /**
     * Resolved one method at a time, as the JVM links a 3.1 caller's invocation: the
     * routed entity manager cannot even list its methods on 3.1.
     */
    private static boolean implemented(Class<?> routed, Method method) {
        try {
            MethodHandles.privateLookupIn(routed, MethodHandles.lookup()).findVirtual(routed, method.getName(),
                    MethodType.methodType(method.getReturnType(), method.getParameterTypes()));
            return true;
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return false;
        }
    }
}
