package org.dbchooser.quarkus.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.dbchooser.itests.server.OtlpReceiver;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A collector on a free loopback port, outside the application, and Quarkus's own
 * OpenTelemetry export of metrics pointed at it (OTLP over HTTP, every second).
 */
public class OtlpReceiverResource implements QuarkusTestResourceLifecycleManager {

    /** The collector's port, chosen when the test's profile asks for the settings. */
    static final int PORT = freePort();

    /** The collector of the running test; one test class uses it at a time. */
    static volatile OtlpReceiver receiver;

    /** Quarkus's metrics on and exported to the collector (some of these are settings of the build). */
    static Map<String, String> settings() {
        return Map.of("quarkus.otel.metrics.enabled", "true",
                "quarkus.otel.exporter.otlp.metrics.protocol", "http/protobuf",
                "quarkus.otel.exporter.otlp.metrics.endpoint", "http://127.0.0.1:" + PORT,
                "quarkus.otel.metric.export.interval", "1s");
    }

    private static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            receiver = new OtlpReceiver(PORT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
        if (receiver != null) {
            receiver.close();
            receiver = null;
        }
    }
}
