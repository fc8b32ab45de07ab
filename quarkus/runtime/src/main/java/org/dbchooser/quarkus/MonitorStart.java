package org.dbchooser.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.dbchooser.impl.replicas.ReplicaMonitor;

import io.quarkus.runtime.StartupEvent;

/**
 * Starts the replica monitor's checks when the Quarkus application has started. ArC
 * initializes the application context while the application is still being set up,
 * before its configuration is complete and its data sources exist; the extension takes
 * the monitor's own observer of that moment out.
 */
@ApplicationScoped
public class MonitorStart {

    void start(@Observes StartupEvent started, ReplicaMonitor monitor) {
        monitor.start();
    }
}
