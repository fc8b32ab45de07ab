package org.dbchooser.quarkus.tests;

import static org.assertj.core.api.Assertions.assertThat;

import static org.dbchooser.quarkus.tests.Http.master;
import static org.dbchooser.quarkus.tests.Http.standby;

import java.net.URL;
import java.util.UUID;

import org.dbchooser.itests.databases.BuildDatabases;
import org.dbchooser.quarkus.tests.Http.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The rules on Quarkus: a Quarkus REST application with two named persistence units,
 * driven by real HTTP requests; every answer names the database server that ran the
 * work, as that server reports it.
 */
@QuarkusTest
@WithTestResource(BuildDatabasesResource.class)
class QuarkusRoutingIT {

    @TestHTTPResource("/")
    URL base;

    /** Tests that stop servers may run before these: the standby serves again within seconds of its return. */
    @BeforeEach
    void standbyServes() throws Exception {
        long start = System.nanoTime();
        while (!standby().equals(send("GET", "/anything/ready").servedBy())) {
            assertThat(System.nanoTime() - start).as("the standby serving reads within 10 s").isLessThan(10_000_000_000L);
            Thread.sleep(100);
        }
    }

    private Answer send(String method, String path) throws Exception {
        return Http.send(base, method, path);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"GET, standby", "HEAD, standby", "OPTIONS, standby", "POST, master", "PUT, master", "PATCH, master",
            "DELETE, master"})
    void eachMethodRunsWhereTheSeedSays(String method, String expected) throws Exception {
        Answer answer = send(method, "/anything/" + UUID.randomUUID());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.servedBy()).isEqualTo(expected.equals("standby") ? standby() : master());
    }

    @Test
    void aPostThatDbChooserSlaveListsReadsFromTheStandby() throws Exception {
        Answer answer = send("POST", "/items/lookup/" + unique("nothing"));
        assertThat(answer.body()).isEqualTo("0 " + standby());
    }

    @Test
    void aPostWritesOnTheMaster() throws Exception {
        String name = unique("post");
        Answer answer = send("POST", "/items/" + name);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(master());
        assertThat(BuildDatabases.countItems(BuildDatabases.masterPort(), name)).isEqualTo(1);
    }

    @Test
    void aGetThatWritesFailsWithTheDbChooserMessageAndWritesNothing() throws Exception {
        String name = unique("visit");
        Answer answer = send("GET", "/items/visit/" + name);
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).startsWith("DBCHOOSER-301").contains("GET /items/visit/" + name)
                .contains(ServedBy.class.getName() + ".insert");
        assertThat(BuildDatabases.countItems(BuildDatabases.masterPort(), name)).isZero();
    }

    @Test
    void theSameKindOfGetListedInDbChooserMasterWrites() throws Exception {
        String name = unique("short");
        Answer answer = send("GET", "/items/short/" + name);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(master());
        assertThat(BuildDatabases.countItems(BuildDatabases.masterPort(), name)).isEqualTo(1);
    }

    @Test
    void readOnlyOnTheResourceMethodBeatsTheRouteOfItsPost() throws Exception {
        assertThat(send("POST", "/items/annotated-read").body()).isEqualTo(standby());
    }

    @Test
    void readOnlyBeanReadsFromTheStandbyInsideAPost() throws Exception {
        assertThat(send("POST", "/items/read-only-bean").body()).isEqualTo(standby());
    }

    @Test
    void masterMethodInsideAGetRunsOnTheMasterAndTheRequestReturnsToTheStandby() throws Exception {
        assertThat(send("GET", "/items/master-method").body()).isEqualTo(master() + "," + standby());
    }

    @Test
    void insideATransactionThatWroteOnTheMasterEveryReadStaysThere() throws Exception {
        String name = unique("read-write-read");
        Answer answer = send("GET", "/items/read-write-read/" + name);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        // read on the slave; write through @Master; then the transaction has used the master,
        // so the next @ReadOnly read stays there and sees the write (stickiness)
        assertThat(answer.body()).isEqualTo(standby() + "," + master() + "," + master());
        assertThat(BuildDatabases.countItems(BuildDatabases.masterPort(), name)).isEqualTo(1);
    }

    @Test
    void aRollbackLeavesNothingOnTheMaster() throws Exception {
        String name = unique("rollback");
        Answer answer = send("POST", "/items/rollback/" + name);
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).contains("failing after the write, on purpose");
        assertThat(BuildDatabases.countItems(BuildDatabases.masterPort(), name)).isZero();
    }

    @Test
    void readOnlyMaintenanceRefusesWritesWith503AndStillServesReads() throws Exception {
        String name = unique("maintenance");
        try {
            Answer on = send("POST", "/items/maintenance/on");
            assertThat(on.body()).isEqualTo("read-only");
            Answer refused = send("POST", "/items/" + name);
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.body()).startsWith("DBCHOOSER-311: ");
            assertThat(send("GET", "/anything/" + name).servedBy()).isEqualTo(standby());
        } finally {
            // the other tests share this application: never leave it read-only
            assertThat(send("POST", "/items/maintenance/off").body()).isEqualTo("read-write");
        }
        assertThat(BuildDatabases.countItems(BuildDatabases.masterPort(), name)).isZero();
        String after = unique("after-maintenance");
        assertThat(send("POST", "/items/" + after).body()).isEqualTo(master());
        assertThat(BuildDatabases.countItems(BuildDatabases.masterPort(), after)).isEqualTo(1);
    }

    @Test
    void aRoutingBlockInsideAPostRunsOnTheSlaveAndTheRequestIsBackOnTheMasterAfterIt() throws Exception {
        Answer answer = send("POST", "/items/routing-block");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("MASTER " + master() + ",SLAVE " + standby() + ",MASTER " + master());
    }
}
