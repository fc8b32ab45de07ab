package org.dbchooser.impl.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.stream.Stream;

import org.dbchooser.Route;
import org.dbchooser.impl.routing.RouteDecision.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which decision an interceptor gets for a call, as a table of cases: no container. */
class MethodRoutesTest {

    /** A bean class whose methods deployment recorded. */
    static class Bean {
        public void find() {
        }

        public void save() {
        }

        public void unrecorded() {
        }
    }

    /** What a container generates for an intercepted bean. */
    static class GeneratedSubclass extends Bean {
    }

    /** A class deployment never saw. */
    static class Unknown {
        public void find() {
        }
    }

    private static final RouteDecision FIND = new RouteDecision(Route.MASTER, Reason.ANNOTATION, "@Master on Bean.find()");
    private static final RouteDecision SAVE = new RouteDecision(Route.SLAVE, Reason.ANNOTATION, "@ReadOnly on Bean.save()");

    static Stream<Arguments> calls() {
        return Stream.of(
                // target class, method, interceptor that runs, route, origin
                Arguments.of(Bean.class, method(Bean.class, "find"), Route.SLAVE, Route.MASTER, FIND.origin()),
                Arguments.of(Bean.class, method(Bean.class, "save"), Route.MASTER, Route.SLAVE, SAVE.origin()),
                // the container's subclass is looked up as its bean class
                Arguments.of(GeneratedSubclass.class, method(Bean.class, "find"), Route.SLAVE, Route.MASTER, FIND.origin()),
                // a method deployment did not record gets the route of the interceptor that runs
                Arguments.of(Bean.class, method(Bean.class, "unrecorded"), Route.SLAVE, Route.SLAVE,
                        "@ReadOnly on " + MethodRoutesTest.class.getName() + "$Bean.unrecorded()"),
                Arguments.of(Unknown.class, method(Unknown.class, "find"), Route.MASTER, Route.MASTER,
                        "@Master on " + MethodRoutesTest.class.getName() + "$Unknown.find()"));
    }

    @ParameterizedTest(name = "{1} on {0}, through the {2} interceptor: {3}")
    @MethodSource("calls")
    void eachCallGetsTheDecisionDeploymentRecordedForItsBeanClass(Class<?> target, Method method, Route interceptor,
            Route route, String origin) throws Exception {
        MethodRoutes routes = deployed();
        for (int call = 0; call < 3; call++) {
            // each time another Method instance, equal to the one deployment recorded, as containers hand them
            RouteDecision decision = routes.lookup(target, method.getDeclaringClass().getMethod(method.getName()), interceptor);
            assertThat(decision.route()).isEqualTo(route);
            assertThat(decision.origin()).isEqualTo(origin);
        }
    }

    @Test
    void aMethodDeploymentDidNotRecordKeepsTheDecisionOfItsFirstCallWhateverInstanceTheContainerHands() throws Exception {
        MethodRoutes routes = deployed();
        RouteDecision first = routes.lookup(Bean.class, Bean.class.getMethod("unrecorded"), Route.SLAVE);
        assertThat(routes.lookup(Bean.class, Bean.class.getMethod("unrecorded"), Route.MASTER)).isSameAs(first);
    }

    private static MethodRoutes deployed() {
        MethodRoutes routes = new MethodRoutes();
        routes.put(Bean.class, Map.of(method(Bean.class, "find"), FIND, method(Bean.class, "save"), SAVE));
        return routes;
    }

    private static Method method(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
