package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;


import org.dbchooser.Route;
import org.junit.jupiter.api.Test;
import org.dbchooser.itests.databases.Server;

/**
 * A transaction that has touched the master stays there; @Master inside slave work
 * runs on the master in a transaction of its own, and the caller is back on the slave.
 */
class StickinessIT extends AgainstMasterAndStandby {

    record Seen(Server server, long ownUncommittedRows) {
    }

    @Test
    void readOnlyInsideAMasterTransactionReadsTheTransactionsOwnWrites() throws Exception {
        String name = "sticky-" + UUID.randomUUID();
        Seen inside = master.call(() -> master.inTransaction(() -> {
            master.persistInCurrentTransaction(name);
            return new Seen(readOnly.server(), readOnly.count(name));
        }));
        assertThat(inside.server().isMaster()).as("%s", inside.server()).isTrue();
        assertThat(inside.ownUncommittedRows()).as("only the master's open transaction holds the row").isEqualTo(1);
        assertThat(readOnly.server().isStandby()).as("after the transaction, reads go back to the standby").isTrue();
    }

    @Test
    void unannotatedMasterTransactionAlsoKeepsReadOnlyWorkOnTheMaster() {
        Server inside = plain.inTransaction(() -> {
            plain.server(); // the transaction has now used the master
            return readOnly.server();
        });
        assertThat(inside.isMaster()).as("%s", inside).isTrue();
    }

    @Test
    void anExplicitSlaveBlockInsideAMasterTransactionStaysOnTheMaster() {
        Server inside = master.inTransaction(() -> routing.call(Route.SLAVE, plain::server));
        assertThat(inside.isMaster()).as("%s", inside).isTrue();
    }

    @Test
    void anOpenMasterTransactionKeepsUnannotatedReadsOfTheSlaveWorkOnTheMasterUntilItEnds() throws Exception {
        String name = "left-open-" + UUID.randomUUID();
        Seen[] seen = readOnly.call(() -> {
            // master work that returns with its transaction still open, in the slave work's unit of work
            routing.run(Route.MASTER, () -> {
                plain.beginTransaction();
                plain.persistInCurrentTransaction(name);
            });
            // unannotated code of the @ReadOnly frame: no new frame re-decides the route
            Seen during = new Seen(plain.server(), plain.count(name));
            routing.run(Route.MASTER, plain::commitTransaction);
            Seen after = new Seen(plain.server(), -1);
            return new Seen[] {during, after};
        });
        assertThat(seen[0].server().isMaster()).as("while the transaction is open: %s", seen[0].server()).isTrue();
        assertThat(seen[0].ownUncommittedRows()).as("only the master's open transaction holds the row").isEqualTo(1);
        assertThat(seen[1].server().isStandby()).as("once it has ended: %s", seen[1].server()).isTrue();
        assertThat(Databases.countOnMaster(name)).isEqualTo(1);
    }

    @Test
    void masterInsideSlaveWorkCommitsOnTheMasterAndTheCallerReturnsToTheSlave() throws Exception {
        String name = "own-transaction-" + UUID.randomUUID();
        Server[] seen = readOnly.inTransaction(() -> {
            // unannotated reads inside the slave work: they take whatever route the thread has
            Server before = plain.server();
            master.insert(name);
            Server after = plain.server();
            return new Server[] {before, after};
        });
        assertThat(seen[0].isStandby()).as("%s", seen[0]).isTrue();
        assertThat(seen[1].isStandby()).as("%s", seen[1]).isTrue();
        assertThat(Databases.countOnMaster(name)).as("committed on the master by its own transaction").isEqualTo(1);
        Databases.waitForStandby();
        assertThat(Databases.countOnStandby(name)).isEqualTo(1);
    }

    @Test
    void masterWorkCommittedInsideSlaveWorkSurvivesTheSlaveTransactionsRollback() throws Exception {
        String name = "survives-" + UUID.randomUUID();
        try {
            readOnly.inTransaction(() -> {
                master.insert(name);
                throw new IllegalStateException("the slave work fails after the master work committed");
            });
        } catch (IllegalStateException expected) {
            // the outer work failed on purpose
        }
        assertThat(Databases.countOnMaster(name)).isEqualTo(1);
    }
}
