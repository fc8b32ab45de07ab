package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/** The MicroProfile Health readiness check reports what the replica monitor sees, server by server. */
class ReadinessIT extends AgainstTwoStandbys {

    @Inject
    @Readiness
    HealthCheck readiness;

    private Map<String, Object> dataOnceItSays(String key, Object value) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            Map<String, Object> data = readiness.call().getData().orElseThrow();
            if (value.equals(data.get(key))) {
                return data;
            }
            assertThat(System.nanoTime()).as("%s=%s within 5 s; last %s", key, value, data).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void readinessFollowsTheServers() throws Exception {
        assertThat(readiness.call().getName()).isEqualTo("dbchooser");
        Map<String, Object> allUp = dataOnceItSays("slave", "UP");
        assertThat(allUp).containsEntry("master", "UP").containsEntry("slave-serves-reads", true)
                .containsEntry("read-only-maintenance", false).containsKey("slave-lag-ms");
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        stoppingServers(() -> {
            Databases.control("pause", "standby1");
            Databases.control("pause", "standby2");
            Map<String, Object> slaveDown = dataOnceItSays("slave", "DOWN");
            assertThat(slaveDown).containsEntry("master", "UP").containsEntry("slave-serves-reads", false);
            assertThat(readiness.call().getStatus()).as("reads fall back to the master").isEqualTo(HealthCheckResponse.Status.UP);
            Databases.control("pause", "master");
            dataOnceItSays("master", "DOWN");
            assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            // the standbys back, the master still down: reads are served, so the application is ready
            Databases.control("resume", "standby1");
            Databases.control("resume", "standby2");
            Map<String, Object> masterDown = dataOnceItSays("slave", "UP");
            assertThat(masterDown).containsEntry("master", "DOWN").containsEntry("slave-serves-reads", true);
            assertThat(readiness.call().getStatus()).as("reads go on from the standbys").isEqualTo(HealthCheckResponse.Status.UP);
        });
        dataOnceItSays("master", "UP");
        dataOnceItSays("slave", "UP");
    }
}
