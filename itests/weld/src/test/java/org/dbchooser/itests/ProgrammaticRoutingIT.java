package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;


import org.dbchooser.Route;
import org.junit.jupiter.api.Test;
import org.dbchooser.itests.databases.Server;

/** Routing.call / Routing.run: an explicit choice beats the annotations of the beans it calls. */
class ProgrammaticRoutingIT extends AgainstMasterAndStandby {

    @Test
    void explicitSlaveSendsUnannotatedWorkToTheStandby() {
        assertThat(routing.call(Route.SLAVE, plain::server).isStandby()).isTrue();
        assertThat(plain.server().isMaster()).as("restored afterwards").isTrue();
    }

    @Test
    void explicitMasterBeatsReadOnly() {
        assertThat(routing.call(Route.MASTER, readOnly::server).isMaster()).isTrue();
    }

    @Test
    void explicitSlaveBeatsMaster() {
        assertThat(routing.call(Route.SLAVE, master::server).isStandby()).isTrue();
    }

    @Test
    void innerExplicitBlockBeatsOuterOne() {
        Server server = routing.call(Route.SLAVE, () -> routing.call(Route.MASTER, plain::server));
        assertThat(server.isMaster()).isTrue();
    }

    @Test
    void explicitBlockInsideAnnotatedMethodBeatsTheAnnotation() throws Exception {
        assertThat(readOnly.call(() -> routing.call(Route.MASTER, readOnly::server)).isMaster()).isTrue();
    }

    @Test
    void currentReportsTheRouteInForce() throws Exception {
        assertThat(routing.current()).isEqualTo(Route.MASTER);
        assertThat(routing.call(Route.SLAVE, routing::current)).isEqualTo(Route.SLAVE);
        assertThat(readOnly.call(routing::current)).isEqualTo(Route.SLAVE);
        assertThat(routing.current()).isEqualTo(Route.MASTER);
    }

    @Test
    void checkedExceptionsPassThroughUnchangedAndTheRouteIsRestored() {
        IOException thrown = new IOException("from the block");
        assertThatThrownBy(() -> routing.call(Route.SLAVE, () -> {
            throw thrown;
        })).isSameAs(thrown);
        assertThat(routing.current()).isEqualTo(Route.MASTER);
        assertThat(plain.server().isMaster()).isTrue();
    }

    @Test
    void runRunsTheBlockOnTheRoute() {
        Server[] seen = new Server[1];
        routing.run(Route.SLAVE, () -> seen[0] = plain.server());
        assertThat(seen[0].isStandby()).isTrue();
    }
}
