package org.dbchooser.quarkus.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbchooser.quarkus.tests.Http.master;
import static org.dbchooser.quarkus.tests.Http.standby;

import java.net.URL;
import java.util.Map;

import org.dbchooser.itests.databases.BuildDatabases;
import org.dbchooser.itests.server.ReadYourWritesCycles;
import org.dbchooser.itests.server.Servers;
import org.dbchooser.quarkus.tests.Http.Answer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The lag bound and read-your-writes by time pins, on Quarkus: {@code max-lag=1s}, pins of 2 s, a fast monitor. */
@QuarkusTest
@TestProfile(QuarkusLagAndTimePinsIT.LagAndTimePins.class)
@WithTestResource(BuildDatabasesResource.class)
class QuarkusLagAndTimePinsIT {

    public static class LagAndTimePins implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("db_chooser.max-lag", "1s", "db_chooser.health-interval", "200ms",
                    "db_chooser.read-your-writes", "time", "db_chooser.read-your-writes-pin", "2s");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void aStandbyReplayingBeyondMaxLagServesNoReadsUntilItCatchesUp() throws Exception {
        assertThat(Http.send(base, "GET", "/anything/before-lag").servedBy()).isEqualTo(standby());
        long delayed = System.nanoTime();
        long caughtUp;
        try {
            // 3 s late, and the master writes all the time: the standby falls behind the 1 s bound
            BuildDatabases.control("set", "standby1", "recovery_min_apply_delay = 3000");
            int write = 0;
            while (!master().equals(readUnderWrites("lag-" + write++))) {
                assertThat(System.nanoTime() - delayed).as("reads leave the late standby within 5 s").isLessThan(5_000_000_000L);
                Thread.sleep(50);
            }
            System.out.printf("Quarkus: reads left the standby %d ms after it began to replay 3 s late%n",
                    (System.nanoTime() - delayed) / 1_000_000);
            for (int i = 0; i < 20; i++) {
                assertThat(readUnderWrites("late-" + i)).as("read %d while the standby is 3 s late", i).isEqualTo(master());
            }
        } finally {
            BuildDatabases.control("set", "standby1", "recovery_min_apply_delay = 0");
            caughtUp = System.nanoTime();
        }
        while (!standby().equals(Http.send(base, "GET", "/anything/after-lag").servedBy())) {
            assertThat(System.nanoTime() - caughtUp).as("reads back on the standby within 5 s of its catching up")
                    .isLessThan(5_000_000_000L);
            Thread.sleep(50);
        }
        System.out.printf("Quarkus: reads back on the standby %d ms after it stopped replaying late%n",
                (System.nanoTime() - caughtUp) / 1_000_000);
        Servers.waitForStandby();
    }

    /** Writes a row (the master keeps producing WAL), then reads, with no pin cookie: who served the read. */
    private String readUnderWrites(String name) throws Exception {
        Answer write = Http.send(base, "POST", "/items/" + name);
        assertThat(write.status()).as(write.body()).isEqualTo(200);
        return Http.send(base, "GET", "/anything/" + name).servedBy();
    }

    @Test
    void readYourWritesWithTimePinsGivesEveryClientItsWritesWithTheStandby500MsLate() throws Exception {
        ReadYourWritesCycles.Outcome outcome = ReadYourWritesCycles.run(base);
        System.out.printf("Quarkus: read-your-writes time: %s%n", outcome);
        assertThat(outcome.stale()).as("stale reads").isZero();
        assertThat(outcome.cycles()).isEqualTo(1_000);
    }
}
