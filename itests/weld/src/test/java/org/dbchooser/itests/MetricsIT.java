package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.dbchooser.Route;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;

/** The route decisions and the servers' state, as OpenTelemetry metrics a collector reads. */
class MetricsIT extends RoutedBeansTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.withTelemetry();
    }

    @Inject
    Telemetry telemetry;

    private Map<String, Long> points(String metric, String... keys) {
        MetricData data = telemetry.reader().collectAllMetrics().stream()
                .filter(m -> m.getName().equals(metric)).findFirst().orElseThrow();
        return data.getLongSumData().getPoints().isEmpty() && !data.getLongGaugeData().getPoints().isEmpty()
                ? data.getLongGaugeData().getPoints().stream().collect(Collectors.toMap(p -> label(p, keys), LongPointData::getValue))
                : data.getLongSumData().getPoints().stream().collect(Collectors.toMap(p -> label(p, keys), LongPointData::getValue));
    }

    private static String label(LongPointData point, String... keys) {
        StringBuilder label = new StringBuilder();
        for (String key : keys) {
            label.append(label.length() == 0 ? "" : "/").append(point.getAttributes().get(AttributeKey.stringKey(key)));
        }
        return label.toString();
    }

    @Test
    void decisionsAreCountedByRouteAndReason() throws Exception {
        HttpRequests http = new HttpRequests(beanManager);
        HttpRequests.Client client = new HttpRequests.Client();
        Map<String, Long> before = points("dbchooser.route.decisions", "route", "reason"); // other tests' decisions
        for (int i = 0; i < 3; i++) {
            readOnly.server();
        }
        master.server();
        master.server();
        routing.call(Route.SLAVE, plain::server);
        http.serve(client, "GET", "/items", plain::server);
        http.serve(client, "POST", "/items", plain::server);
        http.serve(client, "GET", "/api/short/create", plain::server);
        http.serve(client, "POST", "/printproxy/report", plain::server);
        // db_chooser.slave's last pattern backtracks past its budget on this path: the master serves it
        assertThat(http.serve(client, "GET", "/hostile/" + "x".repeat(40) + "!", plain::server).isMaster()).isTrue();
        // @ReadOnly work inside a transaction that is open on the master stays there: sticky;
        // so does an explicit slave block (its own reason, counted under the same label)
        master.inTransaction(readOnly::server);
        master.inTransaction(() -> routing.call(Route.SLAVE, plain::server));

        Map<String, Long> counted = new java.util.HashMap<>(points("dbchooser.route.decisions", "route", "reason"));
        before.forEach((label, count) -> counted.merge(label, -count, Long::sum));
        counted.values().removeIf(count -> count == 0);
        assertThat(counted).containsExactlyInAnyOrderEntriesOf(Map.of(
                "slave/annotation", 3L,
                "master/annotation", 4L,
                "master/sticky", 2L,
                "slave/programmatic", 1L,
                "slave/request_method", 1L,
                "master/request_method", 1L,
                "master/master_pattern", 1L,
                "slave/slave_pattern", 1L,
                "master/pattern_abandoned", 1L));
    }

    /**
     * With the standby replaying 3 s late, a client reads back its own write: the read
     * waits for the standby, gives up and reads from the master, and each counter says
     * so once; the lag gauge shows the standby late, then caught up.
     */
    @Test
    void aReadBackThatTheLateStandbyCannotServeIsCountedAsAWaitAndAMasterRead() throws Exception {
        HttpRequests http = new HttpRequests(beanManager);
        HttpRequests.Client client = new HttpRequests.Client();
        try {
            Databases.applyDelay("standby1", Databases.standbyPort(), 3000);
            http.serve(client, "POST", "/items", () -> plain.insert("metrics-" + java.util.UUID.randomUUID()));
            assertThat(client.cookies).as("the write's token").containsKey("dbchooser-lsn");
            long waits = counter("dbchooser.read_your_writes.waits");
            long masterReads = counter("dbchooser.read_your_writes.master_reads");

            assertThat(http.serve(client, "GET", "/items", plain::server).isMaster()).as("the read back").isTrue();
            assertThat(counter("dbchooser.read_your_writes.waits")).isEqualTo(waits + 1);
            assertThat(counter("dbchooser.read_your_writes.master_reads")).isEqualTo(masterReads + 1);
            http.serve(new HttpRequests.Client(), "GET", "/items", plain::server);
            assertThat(counter("dbchooser.read_your_writes.waits")).as("a read without a token").isEqualTo(waits + 1);

            Await.until("slave.lag over 1 s", 5_000, () -> gauge("dbchooser.slave.lag") >= 1_000);
        } finally {
            Databases.applyDelay("standby1", Databases.standbyPort(), 0);
            Databases.waitForStandby();
        }
        Await.until("slave.lag back to 0", 5_000, () -> gauge("dbchooser.slave.lag") == 0);
    }

    @Test
    void aStoppedSlaveShowsAsDownAndItsReadsAsFallbacks() throws Exception {
        assertThat(points("dbchooser.server.up", "server")).containsEntry("master", 1L).containsEntry("slave", 1L);
        long fallbacksBefore = fallbacks();
        try {
            Databases.control("pause", "standby1");
            assertThat(readOnly.server().isMaster()).as("a @ReadOnly read with the standby down").isTrue();
            Await.until("server.up slave=0", 10_000, () -> points("dbchooser.server.up", "server").get("slave") == 0L);
            assertThat(points("dbchooser.server.up", "server")).containsEntry("master", 1L);
            assertThat(fallbacks()).as("fallbacks counted").isGreaterThan(fallbacksBefore);
        } finally {
            Databases.control("resume", "standby1");
            Databases.waitForStandby();
        }
    }

    private long fallbacks() {
        return counter("dbchooser.slave.fallbacks");
    }

    private long counter(String metric) {
        return points(metric).values().stream().mapToLong(Long::longValue).sum();
    }

    private long gauge(String metric) {
        MetricData data = telemetry.reader().collectAllMetrics().stream()
                .filter(m -> m.getName().equals(metric)).findFirst().orElseThrow();
        return data.getLongGaugeData().getPoints().isEmpty()
                ? (long) data.getDoubleGaugeData().getPoints().iterator().next().getValue()
                : data.getLongGaugeData().getPoints().iterator().next().getValue();
    }
}
