package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;


import org.dbchooser.Route;
import org.dbchooser.SlaveWriteException;
import org.dbchooser.itests.databases.StatementLog;
import org.junit.jupiter.api.Test;

/** A write on the slave route fails fast with a message that says why and how to fix it; nothing is written. */
class SlaveWriteIT extends AgainstMasterAndStandby {

    /**
     * The writes that reached the standby while WORK ran, from the standby's own
     * statement log: a hot standby can never hold a write, so only its log can show that
     * a refused write was not sent to it at all.
     */
    static List<String> writesReachingTheStandby(StatementLog.Work work) throws Exception {
        try (Connection standby = Databases.standby()) {
            return StatementLog.during("standby1", standby, work).stream()
                    .map(StatementLog.Entry::sql).filter(Objects::nonNull)
                    .filter(sql -> WRITE.matcher(sql).find()).toList();
        }
    }

    private static final Pattern WRITE = Pattern.compile("(?i)\\b(insert|update|delete)\\b|for (no key )?update|for share");

    /** Runs WORK, which must fail: its failure is what the test looks at. */
    static Throwable failureOf(StatementLog.Work work) {
        try {
            work.run();
        } catch (Throwable failure) {
            return failure;
        }
        throw new AssertionError("the work did not fail");
    }

    /** The message with the caller's line number left open. */
    static Pattern message(String text) {
        return Pattern.compile(Pattern.quote(text).replace("LINE", "\\E\\d+\\Q"));
    }

    @Test
    void persistIsRefusedBeforeReachingAServer() throws Exception {
        String name = "refused-" + UUID.randomUUID();
        Throwable[] failure = new Throwable[1];
        assertThat(writesReachingTheStandby(() -> failure[0] = failureOf(() -> readOnly.insert(name))))
                .as("writes in the standby's statement log").isEmpty();
        assertThat(failure[0])
                .isInstanceOf(SlaveWriteException.class)
                .hasMessageMatching(message("DBCHOOSER-301: write refused on the slave route: EntityManager.persist(Item)"
                        + " called from org.dbchooser.itests.RoutedCalls.lambda$insert$0(RoutedCalls.java:LINE)."
                        + " The route was chosen by @ReadOnly on class org.dbchooser.itests.ReadOnlyCalls"
                        + " (method org.dbchooser.itests.RoutedCalls.insert(String)); no HTTP request."
                        + " Nothing was written. To write here, annotate the method that writes with @Master,"
                        + " or run it through Routing.call(Route.MASTER, ...).").pattern());
        assertThat(Databases.countOnMaster(name)).isZero();
        assertThat(Databases.countOnStandby(name)).isZero();
        assertThat(readOnly.server().isStandby()).as("the route is intact after the refusal").isTrue();
    }

    @Test
    void aChangedEntityIsRejectedByTheStandbyAndExplained() throws Exception {
        String name = "unchanged-" + UUID.randomUUID();
        long id = Databases.insertOnMaster(name);
        assertThatThrownBy(() -> readOnly.rename(id, "changed"))
                .isInstanceOf(SlaveWriteException.class)
                .hasMessageStartingWith("DBCHOOSER-302: the slave rejected a write (ERROR: cannot execute UPDATE in a read-only transaction)"
                        + " during EntityTransaction.commit() called from org.dbchooser.itests.RoutedCalls.inTransaction(RoutedCalls.java:")
                .hasMessageEndingWith("The route was chosen by @ReadOnly on class org.dbchooser.itests.ReadOnlyCalls"
                        + " (method org.dbchooser.itests.RoutedCalls.rename(long, String)); no HTTP request."
                        + " The slave's transaction was rolled back; nothing was written. To write here, annotate the"
                        + " method that writes with @Master, or run it through Routing.call(Route.MASTER, ...).");
        assertThat(Databases.countOnMaster(name)).isEqualTo(1);
        assertThat(Databases.countOnMaster("changed")).isZero();
    }

    @Test
    void bulkUpdateIsRefusedBeforeReachingAServer() throws Exception {
        String name = "bulk-" + UUID.randomUUID();
        Databases.insertOnMaster(name);
        Throwable[] failure = new Throwable[1];
        assertThat(writesReachingTheStandby(() -> failure[0] = failureOf(() -> readOnly.bulkRename(name, name + "-renamed"))))
                .as("writes in the standby's statement log").isEmpty();
        assertThat(failure[0])
                .isInstanceOf(SlaveWriteException.class)
                .hasMessageStartingWith("DBCHOOSER-301: write refused on the slave route: Query.executeUpdate() called from ");
        assertThat(Databases.countOnMaster(name)).isEqualTo(1);
        assertThat(Databases.countOnMaster(name + "-renamed")).isZero();
    }

    @Test
    void writeLockIsRefusedBeforeReachingAServer() throws Exception {
        long id = Databases.insertOnMaster("locked-" + UUID.randomUUID());
        Throwable[] failure = new Throwable[1];
        assertThat(writesReachingTheStandby(() -> failure[0] = failureOf(() -> readOnly.lockForUpdate(id))))
                .as("locking reads in the standby's statement log").isEmpty();
        assertThat(failure[0])
                .isInstanceOf(SlaveWriteException.class)
                .hasMessageStartingWith("DBCHOOSER-301: write refused on the slave route: EntityManager.find(Item) with lock PESSIMISTIC_WRITE called from ");
    }

    @Test
    void explicitSlaveBlockNamesItselfAsTheReason() {
        String name = "explicit-" + UUID.randomUUID();
        assertThatThrownBy(() -> routing.run(Route.SLAVE, () -> plain.insert(name)))
                .isInstanceOf(SlaveWriteException.class)
                .hasMessageContaining("The route was chosen by Routing.call(SLAVE, ...); no HTTP request.");
    }
}
