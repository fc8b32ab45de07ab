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
        for (int i = 0; i < 3; i++) {
            readOnly.server();
        }
        master.server();
        master.server();
        routing.call(Route.SLAVE, plain::server);
        http.serve("GET", "/items", plain::server);
        http.serve("POST", "/items", plain::server);
        http.serve("GET", "/api/short/create", plain::server);
        http.serve("POST", "/printproxy/report", plain::server);
        // @ReadOnly work inside a transaction that is open on the master stays there: sticky
        master.inTransaction(readOnly::server);

        assertThat(points("dbchooser.route.decisions", "route", "reason")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "slave/annotation", 3L,
                "master/annotation", 3L,
                "master/sticky", 1L,
                "slave/programmatic", 1L,
                "slave/request_method", 1L,
                "master/request_method", 1L,
                "master/master_pattern", 1L,
                "slave/slave_pattern", 1L));
    }

    @Test
    void aStoppedSlaveShowsAsDownAndItsReadsAsFallbacks() throws Exception {
        assertThat(points("dbchooser.server.up", "server")).containsEntry("master", 1L).containsEntry("slave", 1L);
        long fallbacksBefore = fallbacks();
        try {
            Databases.control("pause", "standby1");
            assertThat(readOnly.server().isMaster()).as("a @ReadOnly read with the standby down").isTrue();
            long start = System.nanoTime();
            while (points("dbchooser.server.up", "server").get("slave") != 0L) {
                assertThat(System.nanoTime() - start).as("server.up slave=0 within 10 s: %s",
                        points("dbchooser.server.up", "server")).isLessThan(10_000_000_000L);
                Thread.sleep(100);
            }
            assertThat(points("dbchooser.server.up", "server")).containsEntry("master", 1L);
            assertThat(fallbacks()).as("fallbacks counted").isGreaterThan(fallbacksBefore);
        } finally {
            Databases.control("resume", "standby1");
            Databases.waitForStandby();
        }
    }

    private long fallbacks() {
        return points("dbchooser.slave.fallbacks").values().stream().mapToLong(Long::longValue).sum();
    }
}
