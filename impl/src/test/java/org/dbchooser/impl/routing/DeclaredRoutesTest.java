package org.dbchooser.impl.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.dbchooser.Route;
import org.dbchooser.impl.routing.DeclaredRoutes.DeclaredMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rule for declared routes, as a table of cases: each class's and method's routes as a container read them. */
class DeclaredRoutesTest {

    static class Bean {
        public void find() {
        }

        private void hidden() {
        }

        static void helper() {
        }
    }

    private static final Set<Route> NONE = EnumSet.noneOf(Route.class);
    private static final Set<Route> SLAVE = EnumSet.of(Route.SLAVE);
    private static final Set<Route> MASTER = EnumSet.of(Route.MASTER);
    private static final Set<Route> BOTH = EnumSet.allOf(Route.class);
    private static final String BEAN = DeclaredRoutesTest.class.getName() + "$Bean";

    static Stream<Arguments> cases() {
        return Stream.of(
                // class routes, routes on find(), on hidden(), on helper(); find()'s route (null: none recorded),
                // its origin, the codes of the problems
                Arguments.of(NONE, SLAVE, NONE, NONE, Route.SLAVE, "@ReadOnly on " + BEAN + ".find()", List.of()),
                Arguments.of(SLAVE, MASTER, NONE, NONE, Route.MASTER, "@Master on " + BEAN + ".find()", List.of()),
                Arguments.of(MASTER, NONE, NONE, NONE, Route.MASTER,
                        "@Master on class " + BEAN + " (method " + BEAN + ".find())", List.of()),
                Arguments.of(BOTH, NONE, NONE, NONE, null, null, List.of("DBCHOOSER-202")),
                Arguments.of(NONE, BOTH, NONE, NONE, null, null, List.of("DBCHOOSER-201")),
                // a route on a method no interceptor can reach: reported, and all problems at once
                Arguments.of(NONE, NONE, SLAVE, MASTER, null, null, List.of("DBCHOOSER-203", "DBCHOOSER-203")),
                Arguments.of(BOTH, BOTH, MASTER, NONE, null, null,
                        List.of("DBCHOOSER-201", "DBCHOOSER-202", "DBCHOOSER-203")));
    }

    @ParameterizedTest(name = "class {0}, find() {1}, hidden() {2}, helper() {3}: {4} {6}")
    @MethodSource("cases")
    void eachMethodGetsTheRuleDecisionAndEveryMisplacedRouteIsAProblem(Set<Route> onClass, Set<Route> onFind,
            Set<Route> onHidden, Set<Route> onHelper, Route expected, String origin, List<String> codes) throws Exception {
        MethodRoutes routes = new MethodRoutes();
        List<String> problems = new ArrayList<>();
        Method find = Bean.class.getDeclaredMethod("find");
        DeclaredRoutes.resolve(Bean.class, onClass, List.of(new DeclaredMethod(find, onFind),
                new DeclaredMethod(Bean.class.getDeclaredMethod("hidden"), onHidden),
                new DeclaredMethod(Bean.class.getDeclaredMethod("helper"), onHelper)), routes, problems);

        assertThat(problems).extracting(p -> p.substring(0, p.indexOf(':'))).containsExactlyInAnyOrderElementsOf(codes);
        // a method deployment did not record gets the route of the interceptor that runs: ask with the other one
        Route other = expected == Route.MASTER ? Route.SLAVE : Route.MASTER;
        RouteDecision decision = routes.lookup(Bean.class, find, other);
        if (expected == null) {
            assertThat(decision.origin()).startsWith(MethodRoutes.annotation(other) + " on ");
        } else {
            assertThat(decision.route()).isEqualTo(expected);
            assertThat(decision.origin()).isEqualTo(origin);
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @interface Carrier {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @interface Outer {
    }

    @Carrier
    @Outer
    static class Annotated {
    }

    @Test
    void routesAreNamedDirectlyAndThroughWhatTheContainerSaysAnAnnotationCarries() {
        Annotation carrier = Annotated.class.getAnnotation(Carrier.class);
        Annotation outer = Annotated.class.getAnnotation(Outer.class);
        Annotation readOnly = ReadOnlyHolder.class.getAnnotation(org.dbchooser.ReadOnly.class);
        // Outer carries Carrier, which carries @ReadOnly; a cycle (Carrier carrying Outer) ends at the depth bound
        DeclaredRoutes.Carried carried = type -> type == Outer.class ? List.of(carrier)
                : type == Carrier.class ? List.of(readOnly, outer) : List.of();
        assertThat(DeclaredRoutes.named(List.of(outer), carried)).containsExactly(Route.SLAVE);
        assertThat(DeclaredRoutes.named(List.of(outer), type -> List.of())).isEmpty();
        assertThat(DeclaredRoutes.named(List.of(readOnly), type -> List.of())).containsExactly(Route.SLAVE);
    }

    @org.dbchooser.ReadOnly
    static class ReadOnlyHolder {
    }
}
