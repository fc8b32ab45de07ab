package org.dbchooser.impl.observability;

import org.dbchooser.impl.replicas.ReplicaMonitor;
import org.dbchooser.impl.routing.RouteHealth;
import org.dbchooser.impl.routing.RouteStatistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.dbchooser.impl.config.DeploymentState;

/**
 * MicroProfile Health readiness: what the replica monitor last saw (no query of its
 * own). Ready while either server answers: with the slave down reads fall back to the
 * master, with the master down reads go on from the slave; the data says which.
 * Registered only where the application has MicroProfile Health.
 */
@Readiness
@ApplicationScoped
public class ReplicaReadiness implements HealthCheck {

    private final ReplicaMonitor monitor;
    private final RouteStatistics statistics;

    @Inject
    ReplicaReadiness(ReplicaMonitor monitor, DeploymentState state) {
        this.monitor = monitor;
        this.statistics = state.statistics();
    }

    /** For the container's proxy, which only forwards calls. */
    ReplicaReadiness() {
        this.monitor = null;
        this.statistics = null;
    }

    @Override
    public HealthCheckResponse call() {
        ReplicaMonitor.Snapshot last = monitor.last();
        RouteHealth health = monitor.health();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("master", last.masterUp() ? "UP" : "DOWN");
        data.put("slave", last.slaveUp() ? "UP" : "DOWN");
        if (last.lag() != null) {
            data.put("slave-lag-ms", last.lag().toMillis());
        }
        data.put("slave-serves-reads", health.slaveServes());
        List<ReplicaMonitor.Standby> standbys = monitor.standbys();
        if (standbys.size() > 1) { // each standby on its own; one alone is the slave above
            for (int i = 0; i < standbys.size(); i++) {
                ReplicaMonitor.Standby standby = standbys.get(i);
                data.put("standby " + standby.unit(), standby.promoted() ? "PROMOTED" : !standby.up() ? "DOWN"
                        : "UP, lag " + standby.lag().toMillis() + " ms" + (health.serves(i) ? "" : ", serves no reads"));
            }
        }
        data.put("read-only-maintenance", health.readOnly());
        data.put("reads-fallen-back-to-master", statistics.fallbacks.sum());
        boolean ready = last.masterUp() || last.slaveUp();
        return new HealthCheckResponse("dbchooser", ready ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(data));
    }
}
