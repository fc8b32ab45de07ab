package org.dbchooser.quarkus.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbchooser.quarkus.tests.Http.master;
import static org.dbchooser.quarkus.tests.Http.standby;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dbchooser.itests.databases.BuildDatabases;
import org.dbchooser.itests.server.Readiness;
import org.dbchooser.itests.server.Servers;
import org.dbchooser.quarkus.tests.Http.Answer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Servers stopped and started under the Quarkus application, its data sources set up
 * as the README says: reads and writes go where they can, the failures answer as the
 * README says, and Quarkus's own readiness endpoint follows the servers.
 */
@QuarkusTest
@WithTestResource(BuildDatabasesResource.class)
class QuarkusFailuresIT {

    @TestHTTPResource("/")
    URL base;

    @TestHTTPResource("/q/health/ready")
    URI readiness;

    @Test
    void aStandbyStoppedAndStartedAgainServesReadsWithinFiveSeconds() throws Exception {
        assertThat(Http.send(base, "GET", "/anything/before").servedBy()).isEqualTo(standby());
        long resumed;
        try {
            BuildDatabases.control("pause", "standby1");
            for (int i = 0; i < 10; i++) {
                Answer read = Http.send(base, "GET", "/anything/" + i);
                assertThat(read.status()).as("read %d while the standby is down: %s", i, read.body()).isEqualTo(200);
                assertThat(read.servedBy()).as("read %d while the standby is down", i).isEqualTo(master());
            }
        } finally {
            BuildDatabases.control("resume", "standby1");
            resumed = System.nanoTime();
        }
        while (!standby().equals(Http.send(base, "GET", "/anything/after").servedBy())) {
            assertThat(System.nanoTime() - resumed).as("reads back on the standby within 5 s").isLessThan(5_000_000_000L);
            Thread.sleep(100);
        }
        System.out.printf("Quarkus: reads back on the standby %d ms after it started again%n",
                (System.nanoTime() - resumed) / 1_000_000);
    }

    @Test
    void theMasterStoppedAndStartedAgainTakesWritesWithinFiveSeconds() throws Exception {
        long resumed;
        List<String> refusedNames = new ArrayList<>();
        try {
            BuildDatabases.control("pause", "master");
            // the first write finds the master down itself; the monitor then knows, and the others fail at once
            for (int i = 0; i < 10; i++) {
                String name = "while-down-" + UUID.randomUUID();
                refusedNames.add(name);
                long start = System.nanoTime();
                Answer refused = Http.send(base, "POST", "/items/" + name);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(refused.status()).as("write %d while the master is down: %s", i, refused.body()).isEqualTo(503);
                assertThat(refused.body()).startsWith("DBCHOOSER-310: ");
                assertThat(refused.retryAfter()).as("write %d", i).isEqualTo("5");
                // fails fast, where a connection attempt would wait for its timeout; the first finds the
                // master down itself (its pool tries a new connection), the monitor knows for the others
                assertThat(millis).as("write %d answered in under %d ms", i, i == 0 ? 2_000 : 100).isLessThan(i == 0 ? 2_000 : 100);
                Answer read = Http.send(base, "GET", "/anything/while-down-" + i);
                assertThat(read.status()).as("read %d while the master is down: %s", i, read.body()).isEqualTo(200);
                assertThat(read.servedBy()).as("reads go on, on the standby").isEqualTo(standby());
            }
        } finally {
            BuildDatabases.control("resume", "master");
            resumed = System.nanoTime();
        }
        for (String name : refusedNames) {
            assertThat(BuildDatabases.countItems(BuildDatabases.masterPort(), name)).as("a refused write left nothing").isZero();
        }
        String name = "after-restart-" + UUID.randomUUID();
        while (true) {
            Answer write = Http.send(base, "POST", "/items/" + name);
            if (write.status() == 200) {
                assertThat(write.body()).isEqualTo(master());
                break;
            }
            assertThat(write.status()).as(write.body()).isEqualTo(503);
            assertThat(System.nanoTime() - resumed).as("writes taken again within 5 s").isLessThan(5_000_000_000L);
            Thread.sleep(100);
        }
        System.out.printf("Quarkus: writes taken again %d ms after the master started again%n",
                (System.nanoTime() - resumed) / 1_000_000);
        assertThat(BuildDatabases.countItems(BuildDatabases.masterPort(), name)).isEqualTo(1);
        Servers.waitForStandby(); // replicating again, for the tests that come next
    }

    @Test
    void quarkusReadinessShowsDbChooserFollowingTheServers() throws Exception {
        Readiness.followsTheServers(readiness);
    }
}
