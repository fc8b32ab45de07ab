package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dbchooser.MasterUnavailableException;
import org.junit.jupiter.api.Test;

/**
 * A read that finds the slave gone runs again on the master; when the master is gone
 * too, that second run answers DBCHOOSER-310 like any master-routed work, not the
 * driver's error.
 */
class MasterLostDuringAFallbackIT extends AgainstAQuietMonitor {

    @Test
    void aReadRunAgainOnALostMasterAnswersMasterUnavailable() throws Exception {
        readOnly.server(); // the slave's pool is open and in use
        AgainstTwoStandbys.stoppingServers(() -> {
            Databases.control("crash", "standby1");
            Databases.control("crash", "standby2");
            Databases.control("crash", "master");
            assertThatThrownBy(readOnly::server)
                    .isInstanceOf(MasterUnavailableException.class)
                    .hasMessageStartingWith("DBCHOOSER-310: the master could not be reached during Query.getSingleResult();");
        });
    }
}
