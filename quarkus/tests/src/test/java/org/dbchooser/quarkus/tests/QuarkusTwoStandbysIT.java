package org.dbchooser.quarkus.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dbchooser.itests.databases.BuildDatabases;
import org.dbchooser.itests.server.Servers;
import org.dbchooser.quarkus.tests.Http.Answer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Two standbys, each in a unit (and on a data source) of its own, each judged on its own, on Quarkus. */
@QuarkusTest
@TestProfile(QuarkusTwoStandbysIT.TwoStandbys.class)
@WithTestResource(BuildDatabasesResource.class)
class QuarkusTwoStandbysIT {

    public static class TwoStandbys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("db_chooser.slave-unit", "slave,slave2", "db_chooser.health-interval", "200ms");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void readsSpreadOverBothAndOneStoppedCostsNoRead() throws Exception {
        List<String> servedBy = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            servedBy.add(Http.send(base, "GET", "/anything/" + i).servedBy());
        }
        assertThat(servedBy).as("who served 40 reads").containsOnly(Servers.standby(), Servers.standby2())
                .contains(Servers.standby(), Servers.standby2());
        List<String> afterTheWindow = new ArrayList<>();
        try {
            BuildDatabases.control("pause", "standby2");
            long stopped = System.nanoTime();
            for (int i = 0; System.nanoTime() - stopped < 7_000_000_000L; i++) {
                long start = System.nanoTime();
                Answer read = Http.send(base, "GET", "/anything/during-" + i);
                assertThat(read.status()).as("read %d with standby2 stopped: %s", i, read.body()).isEqualTo(200);
                if (start - stopped > 5_000_000_000L) {
                    afterTheWindow.add(read.servedBy());
                }
                Thread.sleep(20);
            }
        } finally {
            BuildDatabases.control("resume", "standby2");
            Servers.waitForStandby2();
        }
        assertThat(afterTheWindow).as("who served the reads from 5 s after the stop").isNotEmpty()
                .containsOnly(Servers.standby());
    }
}
