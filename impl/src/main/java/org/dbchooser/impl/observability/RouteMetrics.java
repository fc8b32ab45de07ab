package org.dbchooser.impl.observability;

import org.dbchooser.impl.replicas.ReplicaMonitor;
import org.dbchooser.impl.routing.RouteDecision;
import org.dbchooser.impl.routing.RouteStatistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.dbchooser.Route;
import org.dbchooser.impl.routing.RouteDecision.Reason;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import org.dbchooser.impl.config.DeploymentState;

/**
 * dbchooser's counters as OpenTelemetry metrics, the form MicroProfile Telemetry 2.0
 * (WildFly, Payara, Open Liberty, Quarkus) exports, and the one every collector reads;
 * MicroProfile Metrics is no longer part of MicroProfile, and Micrometer is one
 * server's choice. Registered only where the application has the OpenTelemetry API;
 * the {@code OpenTelemetry} bean of MicroProfile Telemetry is used, else the global one.
 *
 * <p>All instruments are asynchronous: the hot path only increments
 * {@link RouteStatistics}' adders, and the collector reads them when it exports.
 * <ul>
 * <li>{@code dbchooser.route.decisions} (counter; attributes {@code route},
 * {@code reason}: programmatic, annotation, master_pattern, slave_pattern,
 * request_method, sticky, pattern_abandoned; unannotated work outside requests makes no
 * decision, and is not counted)</li>
 * <li>{@code dbchooser.slave.fallbacks} (counter): slave-routed reads run again on the master</li>
 * <li>{@code dbchooser.read_your_writes.waits} and {@code dbchooser.read_your_writes.master_reads} (counters)</li>
 * <li>{@code dbchooser.server.up} (gauge, 1 or 0; attribute {@code server}: master, or slave when any standby is up)</li>
 * <li>{@code dbchooser.slave.lag} (gauge, ms) and {@code dbchooser.standby.up} (gauge, 1 or 0), each by
 * {@code standby}: the standby's unit</li>
 * </ul>
 */
@ApplicationScoped
public class RouteMetrics {

    private static final Logger LOG = Logger.getLogger(RouteMetrics.class.getName());
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("route");
    private static final AttributeKey<String> REASON = AttributeKey.stringKey("reason");
    private static final AttributeKey<String> SERVER = AttributeKey.stringKey("server");
    private static final AttributeKey<String> STANDBY = AttributeKey.stringKey("standby");

    private final Instance<OpenTelemetry> openTelemetry;
    private final RouteStatistics statistics;
    private final ReplicaMonitor monitor;
    private final List<AutoCloseable> instruments = new ArrayList<>();

    @Inject
    RouteMetrics(Instance<OpenTelemetry> openTelemetry, DeploymentState state, ReplicaMonitor monitor) {
        this.openTelemetry = openTelemetry;
        this.statistics = state.statistics();
        this.monitor = monitor;
    }

    /** For the container's proxy, which only forwards calls. */
    RouteMetrics() {
        this.openTelemetry = null;
        this.statistics = null;
        this.monitor = null;
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        register();
    }

    /**
     * Registers the instruments. Public for a container whose application context starts
     * before its OpenTelemetry does (Quarkus: dbchooser's extension registers them on
     * Quarkus's own start event).
     */
    public void register() {
        OpenTelemetry telemetry = openTelemetry.isResolvable() ? openTelemetry.get() : GlobalOpenTelemetry.get();
        Meter meter = telemetry.getMeter("org.dbchooser");
        instruments.add(meter.counterBuilder("dbchooser.route.decisions")
                .setDescription("Route decisions, by route and by the rule that chose it").buildWithCallback(out -> {
                    for (Route route : Route.values()) {
                        // two reasons share a label (sticky): one point each label, or the SDK keeps only one of them
                        Map<String, Long> byLabel = new LinkedHashMap<>();
                        for (Reason reason : Reason.values()) {
                            long count = statistics.decisions(route, reason);
                            if (count > 0) {
                                byLabel.merge(reason.label(), count, Long::sum);
                            }
                        }
                        byLabel.forEach((label, count) ->
                                out.record(count, Attributes.of(ROUTE, route.name().toLowerCase(), REASON, label)));
                    }
                }));
        instruments.add(meter.counterBuilder("dbchooser.slave.fallbacks")
                .setDescription("Slave-routed reads run again on the master because the slave could not be reached")
                .buildWithCallback(out -> out.record(statistics.fallbacks.sum())));
        instruments.add(meter.counterBuilder("dbchooser.read_your_writes.waits")
                .setDescription("Requests that waited for the slave to reach their read-your-writes token")
                .buildWithCallback(out -> out.record(statistics.readYourWritesWaits.sum())));
        instruments.add(meter.counterBuilder("dbchooser.read_your_writes.master_reads")
                .setDescription("Requests whose reads came from the master to give the client its own writes")
                .buildWithCallback(out -> out.record(statistics.readYourWritesFromMaster.sum())));
        instruments.add(meter.gaugeBuilder("dbchooser.slave.lag").setUnit("ms")
                .setDescription("How far each standby that answered is behind the master, as the replica monitor last saw it")
                .buildWithCallback(out -> {
                    for (ReplicaMonitor.Standby standby : monitor.standbys()) {
                        if (standby.lag() != null) {
                            out.record(standby.lag().toMillis(), Attributes.of(STANDBY, standby.unit()));
                        }
                    }
                }));
        instruments.add(meter.gaugeBuilder("dbchooser.standby.up").ofLongs()
                .setDescription("1 when the standby answered the replica monitor's last check as a standby, else 0")
                .buildWithCallback(out -> {
                    for (ReplicaMonitor.Standby standby : monitor.standbys()) {
                        out.record(standby.up() ? 1 : 0, Attributes.of(STANDBY, standby.unit()));
                    }
                }));
        instruments.add(meter.gaugeBuilder("dbchooser.server.up").ofLongs()
                .setDescription("1 when the server answered the replica monitor's last check, else 0")
                .buildWithCallback(out -> {
                    ReplicaMonitor.Snapshot last = monitor.last();
                    out.record(last.masterUp() ? 1 : 0, Attributes.of(SERVER, "master"));
                    out.record(last.slaveUp() ? 1 : 0, Attributes.of(SERVER, "slave"));
                }));
    }

    @PreDestroy
    void unregister() {
        for (AutoCloseable instrument : instruments) {
            try {
                instrument.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "dbchooser: closing a metric failed", e);
            }
        }
    }
}
