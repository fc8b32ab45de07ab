package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Timeout;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.CriteriaSelect;

import org.dbchooser.SlaveWriteException;
import org.dbchooser.itests.databases.Item;
import org.dbchooser.itests.databases.Server;
import org.dbchooser.itests.databases.StatementLog;
import org.junit.jupiter.api.Test;

/**
 * The methods Jakarta Persistence 3.2 adds to the {@code EntityManager} follow the rules
 * of the 3.1 methods they extend, on Hibernate 7: the route chooses the connection, a
 * write lock is refused on the slave route before it reaches a server, and a write the
 * slave rejects is explained. Which server ran a statement is asked of the server.
 */
class Persistence32IT extends AgainstMasterAndStandby {

    @Inject
    EntityManager em;

    private static Server serverOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(Server.QUERY)) {
            result.next();
            return new Server(result.getInt(1), result.getBoolean(2));
        }
    }

    /** The statements the standby ran while WORK ran, from its own log. */
    private static List<String> standbyStatementsDuring(StatementLog.Work work) throws Exception {
        try (Connection standby = Databases.standby()) {
            return StatementLog.during("standby1", standby, work).stream()
                    .map(StatementLog.Entry::sql).filter(Objects::nonNull).toList();
        }
    }

    @Test
    void runWithConnectionGetsTheConnectionOfTheRoute() throws Exception {
        Server[] seen = new Server[2];
        readOnly.call(() -> {
            em.runWithConnection((Connection connection) -> seen[0] = serverOf(connection));
            return null;
        });
        master.call(() -> {
            em.runWithConnection((Connection connection) -> seen[1] = serverOf(connection));
            return null;
        });
        assertThat(seen[0].isStandby()).as("runWithConnection in @ReadOnly code: %s", seen[0]).isTrue();
        assertThat(seen[1].isMaster()).as("runWithConnection in @Master code: %s", seen[1]).isTrue();
    }

    @Test
    void callWithConnectionGetsTheConnectionOfTheRoute() throws Exception {
        Server onSlave = readOnly.call(() -> em.callWithConnection((Connection connection) -> serverOf(connection)));
        Server onMaster = master.call(() -> em.callWithConnection((Connection connection) -> serverOf(connection)));
        assertThat(onSlave.isStandby()).as("callWithConnection in @ReadOnly code: %s", onSlave).isTrue();
        assertThat(onMaster.isMaster()).as("callWithConnection in @Master code: %s", onMaster).isTrue();
    }

    @Test
    void aWriteThroughTheSlavesConnectionIsRejectedAndExplained() throws Exception {
        String name = "connection-write-" + UUID.randomUUID();
        Throwable failure = SlaveWriteIT.failureOf(() -> readOnly.call(() -> em.callWithConnection((Connection connection) -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("insert into item (name) values ('" + name + "')");
            }
        })));
        assertThat(failure).isInstanceOf(SlaveWriteException.class)
                .hasMessageStartingWith("DBCHOOSER-302: the slave rejected a write (ERROR: cannot execute INSERT in a read-only transaction)"
                        + " during EntityManager.callWithConnection()");
        assertThat(Databases.countOnMaster(name)).isZero();
    }

    @Test
    void findWithAWriteLockAmongItsOptionsIsRefusedBeforeReachingAServer() throws Exception {
        long id = Databases.insertOnMaster("find-option-" + UUID.randomUUID());
        Throwable[] failure = new Throwable[1];
        assertThat(SlaveWriteIT.writesReachingTheStandby(() -> failure[0] = SlaveWriteIT.failureOf(
                () -> readOnly.call(() -> em.find(Item.class, id, Timeout.seconds(2), LockModeType.PESSIMISTIC_WRITE)))))
                .as("locking reads in the standby's statement log").isEmpty();
        assertThat(failure[0]).isInstanceOf(SlaveWriteException.class)
                .hasMessageStartingWith("DBCHOOSER-301: write refused on the slave route: EntityManager.find(Item)"
                        + " with lock PESSIMISTIC_WRITE called from ");
        Item locked = master.inTransaction(() -> em.find(Item.class, id, Timeout.seconds(2), LockModeType.PESSIMISTIC_WRITE));
        assertThat(locked.getId()).as("the same find in @Master code").isEqualTo(id);
    }

    @Test
    void findWithOptionsReadsFromTheStandby() throws Exception {
        String name = "find-options-" + UUID.randomUUID();
        long id = Databases.insertOnMaster(name);
        Item[] found = new Item[1];
        List<String> statements = standbyStatementsDuring(() -> found[0] = readOnly.call(
                () -> em.find(Item.class, id, CacheRetrieveMode.BYPASS, Timeout.seconds(2))));
        assertThat(found[0].getName()).isEqualTo(name);
        assertThat(statements).as("the standby's statement log").anyMatch(sql -> sql.contains("from item"));
    }

    @Test
    void aCriteriaSelectRunsOnTheStandbyAndGetSingleResultOrNullToo() throws Exception {
        String name = "criteria-select-" + UUID.randomUUID();
        Databases.insertOnMaster(name);
        Long[] count = new Long[1];
        List<String> statements = standbyStatementsDuring(() -> count[0] = readOnly.call(() -> {
            CriteriaBuilder builder = em.getCriteriaBuilder();
            CriteriaQuery<Long> query = builder.createQuery(Long.class);
            query.select(builder.count(query.from(Item.class)))
                    .where(builder.equal(query.getRoots().iterator().next().get("name"), name));
            return em.createQuery((CriteriaSelect<Long>) query).getSingleResultOrNull();
        }));
        assertThat(count[0]).isEqualTo(1L);
        assertThat(statements).as("the standby's statement log").anyMatch(sql -> sql.contains("from item"));
        Object[] row = (Object[]) readOnly.call(() -> em.createNativeQuery(Server.QUERY).setTimeout(2000).getSingleResultOrNull());
        assertThat(Server.of(row).isStandby()).as("getSingleResultOrNull in @ReadOnly code: %s", Server.of(row)).isTrue();
    }
}
