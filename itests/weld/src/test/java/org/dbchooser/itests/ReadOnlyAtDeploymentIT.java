package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import jakarta.inject.Inject;

import org.dbchooser.Maintenance;
import org.dbchooser.MaintenanceModeException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;

/**
 * {@code db_chooser.read-only=true}: the application starts in read-only maintenance
 * mode, before any operator switches anything. Every route reads from the standby, every
 * write is refused before it reaches a server, and the switch turns it off.
 */
class ReadOnlyAtDeploymentIT extends RoutedBeansTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.readOnlyAtStart();
    }

    @Inject
    Maintenance maintenance;

    @Test
    void theApplicationStartsReadOnlyAndTheSwitchTurnsItOff() throws Exception {
        String name = "read-only-at-start-" + UUID.randomUUID();
        assertThat(maintenance.isReadOnly()).as("read-only from the start").isTrue();
        try {
            assertThat(master.server().isStandby()).as("@Master work reads from the standby").isTrue();
            assertThat(plain.server().isStandby()).as("unannotated work too").isTrue();
            assertThat(SlaveWriteIT.writesReachingTheStandby(() -> assertThatThrownBy(() -> master.insert(name))
                    .isInstanceOf(MaintenanceModeException.class)
                    .hasMessageStartingWith("DBCHOOSER-311: write refused: the application is in read-only maintenance mode")))
                    .as("writes in the standby's statement log").isEmpty();
            assertThat(Databases.countOnMaster(name)).isZero();
        } finally {
            maintenance.setReadOnly(false);
        }
        assertThat(master.server().isMaster()).as("once switched off, @Master work is back on the master").isTrue();
        master.insert(name);
        assertThat(Databases.countOnMaster(name)).isEqualTo(1);
    }
}
