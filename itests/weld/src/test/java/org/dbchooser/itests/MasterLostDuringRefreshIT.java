package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.dbchooser.MasterUnavailableException;
import org.junit.jupiter.api.Test;

/**
 * Every EntityManager call takes the same path on failure: a refresh that finds the
 * master gone answers DBCHOOSER-310 (a 503), not the driver's error, and tells the
 * monitor, so that the next master-routed work fails at once.
 */
class MasterLostDuringRefreshIT extends AgainstAQuietMonitor {

    @Test
    void aRefreshThatLosesTheMasterAnswersMasterUnavailableAndTheNextCallFailsAtOnce() throws Exception {
        long id = Databases.insertOnMaster("refresh-" + UUID.randomUUID());
        assertThat(master.server().isMaster()).isTrue();
        AgainstTwoStandbys.stoppingServers(() -> {
            assertThatThrownBy(() -> master.findAndRefresh(id, () -> crash("master")))
                    .isInstanceOf(MasterUnavailableException.class)
                    .hasMessageStartingWith("DBCHOOSER-310: the master could not be reached during EntityManager.refresh();");
            long start = System.nanoTime();
            assertThatThrownBy(master::server).as("the monitor was told: no wait for a dead connection")
                    .isInstanceOf(MasterUnavailableException.class)
                    .hasMessageStartingWith("DBCHOOSER-310: the master cannot be reached, so master-routed work was not tried");
            assertThat(System.nanoTime() - start).as("nanoseconds for the refused call").isLessThan(100_000_000L);
        });
    }

    static void crash(String server) {
        try {
            Databases.control("crash", server);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
