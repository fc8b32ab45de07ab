package org.dbchooser.quarkus.tests;

import java.net.URL;
import java.util.Map;

import org.dbchooser.itests.server.OtlpReceiver;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** dbchooser's metrics in Quarkus's own OpenTelemetry export, received outside the application. */
@QuarkusTest
@TestProfile(QuarkusMetricsIT.Metrics.class)
@WithTestResource(BuildDatabasesResource.class)
@WithTestResource(OtlpReceiverResource.class)
class QuarkusMetricsIT {

    /** Quarkus's metrics on, in this application only, exported to the test's collector. */
    public static class Metrics implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OtlpReceiverResource.settings();
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void dbChoosersMetricsReachQuarkussOwnOpenTelemetryExport() throws Exception {
        OtlpReceiver otlp = OtlpReceiverResource.receiver;
        String counted = otlp.countsTwentyReads(path -> Http.send(base, "GET", path).servedBy());
        System.out.printf("Quarkus: dbchooser's metrics in Quarkus's OpenTelemetry export (service %s), %d exports received%n",
                counted, otlp.exports());
    }
}
