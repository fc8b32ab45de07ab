package org.dbchooser.itests.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;

/**
 * A small OpenTelemetry collector on loopback: it receives what a server's own
 * OpenTelemetry export sends (OTLP over HTTP, protobuf, {@code /v1/metrics}), outside
 * the application, and keeps every data point of every metric it was sent.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** One data point as exported: its metric, the exporting service, its attributes and its value. */
    public record Point(String metric, String service, String attributes, double value, long nanos) {
    }

    private final HttpServer server;
    private final List<Point> points = new CopyOnWriteArrayList<>();
    private final AtomicInteger exports = new AtomicInteger();

    public OtlpReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/v1/metrics", exchange -> {
            boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            try (InputStream body = gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                receive(ExportMetricsServiceRequest.parseFrom(body));
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            } catch (IOException | RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    private void receive(ExportMetricsServiceRequest request) {
        exports.incrementAndGet();
        for (ResourceMetrics resource : request.getResourceMetricsList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(a -> a.getKey().equals("service.name")).map(a -> a.getValue().getStringValue())
                    .findFirst().orElse("");
            for (ScopeMetrics scope : resource.getScopeMetricsList()) {
                for (Metric metric : scope.getMetricsList()) {
                    List<NumberDataPoint> data = metric.hasSum() ? metric.getSum().getDataPointsList()
                            : metric.hasGauge() ? metric.getGauge().getDataPointsList() : List.of();
                    for (NumberDataPoint point : data) {
                        double value = point.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? point.getAsInt() : point.getAsDouble();
                        points.add(new Point(metric.getName(), service, attributes(point.getAttributesList()), value,
                                point.getTimeUnixNano()));
                    }
                }
            }
        }
    }

    /** {@code key=value,...} in the order sent. */
    private static String attributes(List<KeyValue> attributes) {
        StringBuilder text = new StringBuilder();
        for (KeyValue a : attributes) {
            text.append(text.length() == 0 ? "" : ",").append(a.getKey()).append('=').append(a.getValue().getStringValue());
        }
        return text.toString();
    }

    /** The latest value of METRIC with exactly ATTRIBUTES ({@code key=value,...}), for each service that sent it. */
    public Map<String, Double> latest(String metric, String attributes) {
        Map<String, Point> latest = new HashMap<>();
        for (Point point : points) {
            if (point.metric().equals(metric) && point.attributes().equals(attributes)) {
                latest.merge(point.service(), point, (a, b) -> b.nanos() >= a.nanos() ? b : a);
            }
        }
        Map<String, Double> values = new HashMap<>();
        latest.forEach((service, point) -> values.put(service, point.value()));
        return values;
    }

    /** One GET of the application's on PATH: the server that answered it, as the application names it. */
    public interface Read {
        String servedBy(String path) throws Exception;
    }

    /**
     * The scenario every platform's test runs: once dbchooser's decisions are in the
     * export, 20 GETs read from the standby and are counted, by one service, in an export
     * after them, which also has both servers up. Answers that service.
     */
    public String countsTwentyReads(Read read) throws Exception {
        String slaveByMethod = "reason=request_method,route=slave";
        long start = System.nanoTime();
        while (latest("dbchooser.route.decisions", slaveByMethod).isEmpty()) {
            assertThat(System.nanoTime() - start).as("dbchooser's decisions in the export within 15 s (%d exports"
                    + " received)", exports()).isLessThan(15_000_000_000L);
            read.servedBy("/anything/metrics-first");
            Thread.sleep(200);
        }
        Map<String, Double> before = latest("dbchooser.route.decisions", slaveByMethod);
        for (int i = 0; i < 20; i++) {
            assertThat(read.servedBy("/anything/metrics-" + i)).isEqualTo(Servers.standby());
        }
        String counted = null;
        while (counted == null) {
            Map<String, Double> now = latest("dbchooser.route.decisions", slaveByMethod);
            counted = now.entrySet().stream().filter(e -> e.getValue() >= before.getOrDefault(e.getKey(), 0.0) + 20)
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            assertThat(System.nanoTime() - start).as("the 20 GETs counted in the export within 15 s: before %s, now %s",
                    before, now).isLessThan(15_000_000_000L);
            Thread.sleep(200);
        }
        assertThat(latest("dbchooser.server.up", "server=master")).as("the master up, in the same export")
                .containsEntry(counted, 1.0);
        assertThat(latest("dbchooser.server.up", "server=slave")).as("the slave up").containsEntry(counted, 1.0);
        return counted;
    }

    /** How many export requests arrived. */
    public int exports() {
        return exports.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
