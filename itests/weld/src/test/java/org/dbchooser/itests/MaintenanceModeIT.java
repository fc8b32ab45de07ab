package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.dbchooser.MaintenanceModeException;
import org.junit.jupiter.api.Test;

/** Read-only maintenance mode, switched at run time: everything reads from a standby, every write is refused. */
class MaintenanceModeIT extends AgainstTwoStandbys {

    @Test
    void whileOnEverythingReadsFromAStandbyAndWritesAreRefused() throws Exception {
        String name = "maintenance-" + UUID.randomUUID();
        maintenance.setReadOnly(true);
        try {
            assertThat(maintenance.isReadOnly()).isTrue();
            assertThat(master.server().isEitherStandby()).as("even @Master work reads from a standby").isTrue();
            assertThat(plain.server().isEitherStandby()).isTrue();
            assertThatThrownBy(() -> master.insert(name))
                    .isInstanceOf(MaintenanceModeException.class)
                    .hasMessageStartingWith("DBCHOOSER-311: write refused: the application is in read-only maintenance"
                            + " mode (db_chooser.read-only, or Maintenance.setReadOnly(true)); EntityManager.persist(Item)"
                            + " called from org.dbchooser.itests.RoutedCalls.lambda$insert$")
                    .hasMessageEndingWith(" was not sent to any server. Nothing was written. Answer 503 and retry when"
                            + " maintenance is over");
            assertThatThrownBy(() -> master.bulkRename(name, name + "-renamed"))
                    .as("a bulk write is a write too, with the same answer")
                    .isInstanceOf(MaintenanceModeException.class)
                    .hasMessageStartingWith("DBCHOOSER-311: write refused: the application is in read-only maintenance"
                            + " mode (db_chooser.read-only, or Maintenance.setReadOnly(true)); Query.executeUpdate()"
                            + " called from org.dbchooser.itests.RoutedCalls.lambda$bulkRename$");
        } finally {
            maintenance.setReadOnly(false);
        }
        assertThat(Databases.countOnMaster(name)).isZero();
        assertThat(master.server().isMaster()).isTrue();
        master.insert(name);
        assertThat(Databases.countOnMaster(name)).isEqualTo(1);
    }
}
