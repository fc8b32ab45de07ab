package org.dbchooser.itests;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;

/** An OpenTelemetry bean, as MicroProfile Telemetry gives applications, whose metrics the test collects in memory. */
@ApplicationScoped
public class Telemetry {

    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final OpenTelemetry openTelemetry = OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build())
            .build();

    @Produces
    @ApplicationScoped
    OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    public InMemoryMetricReader reader() {
        return reader;
    }
}
