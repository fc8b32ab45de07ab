package org.dbchooser.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.dbchooser.impl.observability.RouteMetrics;
import org.dbchooser.impl.replicas.ReplicaMonitor;

import io.quarkus.runtime.StartupEvent;

/**
 * Starts the replica monitor's checks, and registers the metrics where the application
 * has OpenTelemetry, when the Quarkus application has started. ArC initializes the
 * application context while the application is still being set up, before its
 * configuration of run time is complete and its data sources exist; the extension takes
 * out the observers of that moment that the other containers use.
 */
@ApplicationScoped
public class StartWithQuarkus {

    void start(@Observes StartupEvent started, ReplicaMonitor monitor, Instance<RouteMetrics> metrics) {
        monitor.start();
        if (metrics.isResolvable()) {
            metrics.get().register();
        }
    }
}
