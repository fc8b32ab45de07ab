package org.dbchooser.impl.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.dbchooser.Route;
import org.dbchooser.impl.routing.RouteDecision.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Precedence between frames and stickiness, as tables of cases: no container, no server. */
class RouteRulesTest {

    private static final RouteDecision REQUEST_SLAVE = new RouteDecision(Route.SLAVE, Reason.REQUEST_METHOD, "GET");
    private static final RouteDecision REQUEST_MASTER = new RouteDecision(Route.MASTER, Reason.REQUEST_METHOD, "POST");
    private static final RouteDecision READ_ONLY = new RouteDecision(Route.SLAVE, Reason.ANNOTATION, "@ReadOnly");
    private static final RouteDecision MASTER = new RouteDecision(Route.MASTER, Reason.ANNOTATION, "@Master");
    private static final RouteDecision BLOCK_SLAVE = RouteDecision.PROGRAMMATIC_SLAVE;
    private static final RouteDecision BLOCK_MASTER = RouteDecision.PROGRAMMATIC_MASTER;

    static Stream<Arguments> frames() {
        return Stream.of(
                // current, requested, master transaction open, chosen
                Arguments.of(null, READ_ONLY, false, READ_ONLY),
                Arguments.of(null, MASTER, false, MASTER),
                Arguments.of(REQUEST_SLAVE, MASTER, false, MASTER),
                Arguments.of(REQUEST_MASTER, READ_ONLY, false, READ_ONLY),
                Arguments.of(READ_ONLY, MASTER, false, MASTER),
                Arguments.of(MASTER, READ_ONLY, false, READ_ONLY),
                // an explicit block beats the annotations met inside it...
                Arguments.of(BLOCK_SLAVE, MASTER, false, BLOCK_SLAVE),
                Arguments.of(BLOCK_MASTER, READ_ONLY, false, BLOCK_MASTER),
                // ...but not an inner block
                Arguments.of(BLOCK_MASTER, BLOCK_SLAVE, false, BLOCK_SLAVE),
                Arguments.of(BLOCK_SLAVE, BLOCK_MASTER, false, BLOCK_MASTER),
                // stickiness: a transaction open on the master keeps slave frames on the master
                Arguments.of(MASTER, READ_ONLY, true, RouteDecision.STICKY),
                Arguments.of(REQUEST_SLAVE, READ_ONLY, true, RouteDecision.STICKY),
                Arguments.of(MASTER, BLOCK_SLAVE, true, RouteDecision.STICKY_FORCED),
                Arguments.of(REQUEST_SLAVE, MASTER, true, MASTER),
                // a block that holds its route is not asked again
                Arguments.of(BLOCK_SLAVE, READ_ONLY, true, BLOCK_SLAVE));
    }

    @ParameterizedTest(name = "in {0}, asking {1}, master transaction open {2}: {3}")
    @MethodSource("frames")
    void aFrameGetsItsRouteByPrecedenceThenStickiness(RouteDecision current, RouteDecision requested, boolean open,
            RouteDecision chosen) {
        RouteContext context = RouteContext.open();
        try {
            context.masterUsed(true);
            assertThat(RouteRules.frame(current, requested, context, () -> open)).isEqualTo(chosen);
        } finally {
            RouteContext.close();
        }
    }

    @Test
    void aUnitOfWorkThatHasNotUsedTheMasterIsNeverAskedForATransactionThere() {
        RouteRules.MasterTransaction neverAsked = () -> {
            throw new AssertionError("asked for a master transaction");
        };
        RouteContext context = RouteContext.open();
        try {
            assertThat(RouteRules.frame(MASTER, READ_ONLY, context, neverAsked)).isEqualTo(READ_ONLY);
            context.decision(READ_ONLY);
            assertThat(RouteRules.statement(context, false, neverAsked)).isEqualTo(Route.SLAVE);
        } finally {
            RouteContext.close();
        }
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                // frame route, maintenance, master transaction open, statement's route
                Arguments.of(READ_ONLY, false, false, Route.SLAVE),
                Arguments.of(READ_ONLY, false, true, Route.MASTER),
                Arguments.of(REQUEST_SLAVE, false, true, Route.MASTER),
                Arguments.of(MASTER, false, false, Route.MASTER),
                Arguments.of(MASTER, false, true, Route.MASTER),
                Arguments.of(null, false, false, Route.MASTER),
                // read-only maintenance: everything reads from the slave
                Arguments.of(MASTER, true, false, Route.SLAVE),
                Arguments.of(READ_ONLY, true, true, Route.SLAVE));
    }

    @ParameterizedTest(name = "frame {0}, maintenance {1}, master transaction open {2}: {3}")
    @MethodSource("statements")
    void everyStatementOfATransactionThatUsedTheMasterRunsThere(RouteDecision frame, boolean maintenance, boolean open,
            Route route) {
        RouteContext context = RouteContext.open();
        try {
            context.masterUsed(true);
            context.decision(frame);
            assertThat(RouteRules.statement(context, maintenance, () -> open)).isEqualTo(route);
        } finally {
            RouteContext.close();
        }
    }
}
