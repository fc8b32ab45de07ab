package org.dbchooser.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The end-to-end comparison: the same primary-key read, and a 90/10 mix of it with a
 * primary-key update, each call a unit of work of its own, through Hibernate 6.6 over
 * HikariCP pools of the same size, against a real master and hot standby, for
 * <ol type="a">
 * <li>plain Hibernate, reads on a unit on the standby, writes on a unit on the master,
 * chosen by hand: no routing, the limit;</li>
 * <li>dbchooser, {@code @ReadOnly} / {@code @Master} beans in plain CDI, called from
 * threads without a request context (b1) and inside one, as in a web request (b2);</li>
 * <li>ShardingSphere-JDBC's read/write splitting;</li>
 * <li>Pgpool-II, all reads weighted to the standby;</li>
 * <li>Spring's LazyConnectionDataSourceProxy with a read-only data source.</li>
 * </ol>
 * Every peer is first asked where its reads and writes go (it must be the standby and the
 * master), then warmed up; then come the rounds, peers interleaved, reads then the mix.
 * Tables go to standard output, every run to the results file, the chart to a PNG.
 * benchmarks/RESULTS.md has the commands that start the servers and run it.
 *
 * <p>Settings (system properties, defaults in brackets): {@code bench.master-port} [25432],
 * {@code bench.standby-port} [25433], {@code bench.pgpool-port} [25439],
 * {@code bench.threads} [4] (also each pool's size), {@code bench.seconds} [20] a run,
 * {@code bench.warmup} [20] seconds a peer, {@code bench.rounds} [3],
 * {@code bench.peers} [a,b1,b2,c,d,e], {@code bench.workloads} [reads,mix], {@code bench.results}
 * [benchmarks/target/end-to-end.tsv], {@code bench.chart} [benchmarks/end-to-end.png].
 */
public final class EndToEnd {

    private static final List<String> ALL_PEERS = List.of("a", "b1", "b2", "c", "d", "e");

    private EndToEnd() {
    }

    public static void main(String[] args) throws Exception {
        Servers servers = new Servers(intSetting("bench.master-port", 25432), intSetting("bench.standby-port", 25433),
                intSetting("bench.pgpool-port", 25439));
        int threads = intSetting("bench.threads", 4);
        Duration run = Duration.ofSeconds(intSetting("bench.seconds", 20));
        Duration warmUp = Duration.ofSeconds(intSetting("bench.warmup", 20));
        int rounds = intSetting("bench.rounds", 3);
        Set<String> chosen = Set.of(System.getProperty("bench.peers", String.join(",", ALL_PEERS)).split(","));
        List<Workload> workloads = Arrays.stream(System.getProperty("bench.workloads", "reads,mix").split(","))
                .map(name -> Workload.valueOf(name.toUpperCase(Locale.ROOT))).toList();
        Path results = Path.of(System.getProperty("bench.results", "benchmarks/target/end-to-end.tsv"));
        Path chart = Path.of(System.getProperty("bench.chart", "benchmarks/end-to-end.png"));

        System.out.printf(Locale.ROOT, "%d cores, Java %s, %s %s; %d client threads, pools of %d, %d s a run, "
                + "%d s warm-up a peer, %d rounds%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.version"),
                threads, threads, run.toSeconds(), warmUp.toSeconds(), rounds);
        Items.create(servers);
        List<AutoCloseable> wirings = new ArrayList<>();
        try {
            List<Peer> peers = start(servers, threads, chosen, wirings);
            for (Peer peer : peers) {
                RouteCheck.verify(peer, servers);
            }
            for (Peer peer : peers) {
                measure(peer, Workload.MIX, threads, warmUp, "warm-up");
            }
            List<ResultRow> rows = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                for (Workload workload : workloads) {
                    for (Peer peer : peers) {
                        rows.add(ResultRow.of(round, measure(peer, workload, threads, run, "round " + round)));
                    }
                }
            }
            if (chosen.contains("d")) {
                PgpoolNodes.print(servers);
            }
            Report.write(rows, results);
            Report.printTables(rows, System.out);
            EndToEndChart.draw(rows, chart);
            System.out.println("\nresults in " + results + ", chart in " + chart);
        } finally {
            Collections.reverse(wirings);
            for (AutoCloseable wiring : wirings) {
                wiring.close();
            }
        }
    }

    /** Wires the chosen peers, in the order of the comparison; what they hold is added to {@code wirings}. */
    private static List<Peer> start(Servers servers, int poolSize, Set<String> chosen, List<AutoCloseable> wirings)
            throws Exception {
        List<Peer> peers = new ArrayList<>();
        if (chosen.contains("a")) {
            peers.add(new Peer("a", "plain Hibernate, standby for reads, master for writes",
                    keep(wirings, HibernateUnits.byHand(servers, poolSize))));
        }
        if (chosen.contains("b1") || chosen.contains("b2")) {
            DbChooserUnits dbChooser = keep(wirings, new DbChooserUnits(servers, poolSize));
            if (chosen.contains("b1")) {
                peers.add(new Peer("b1", "dbchooser, no request context", dbChooser.outsideRequests()));
            }
            if (chosen.contains("b2")) {
                peers.add(new Peer("b2", "dbchooser in a request context (web)", dbChooser.insideRequests()));
            }
        }
        if (chosen.contains("c")) {
            peers.add(new Peer("c", "ShardingSphere-JDBC read/write splitting",
                    keep(wirings, ShardingSphereSplitting.create(servers, poolSize))));
        }
        if (chosen.contains("d")) {
            peers.add(new Peer("d", "Pgpool-II, reads weighted to the standby",
                    keep(wirings, HibernateUnits.throughPgpool(servers, poolSize))));
            PgpoolNodes.print(servers);
        }
        if (chosen.contains("e")) {
            peers.add(new Peer("e", "Spring LazyConnectionDataSourceProxy, read-only transactions",
                    keep(wirings, new SpringReadOnlyRouting(servers, poolSize))));
        }
        return peers;
    }

    private static <T extends AutoCloseable> T keep(List<AutoCloseable> wirings, T wiring) {
        wirings.add(wiring);
        return wiring;
    }

    private static LoadRun.Result measure(Peer peer, Workload workload, int threads, Duration duration, String when)
            throws Exception {
        System.gc(); // the previous run's garbage is not this run's cost
        LoadRun.Result result = LoadRun.run(peer, workload, threads, duration);
        System.out.printf(Locale.ROOT, "%-8s %-9s %-62s %,8.0f calls/s  reads p50 %5.0f p99 %6.0f p99.9 %6.0f µs"
                + "  writes p50 %5.0f p99 %6.0f p99.9 %6.0f µs%n", when, workload.label, peer.label(),
                result.callsPerSecond(), result.reads().percentileMicros(0.5), result.reads().percentileMicros(0.99),
                result.reads().percentileMicros(0.999), result.writes().percentileMicros(0.5),
                result.writes().percentileMicros(0.99), result.writes().percentileMicros(0.999));
        return result;
    }

    private static int intSetting(String name, int defaultValue) {
        return Integer.parseInt(System.getProperty(name, String.valueOf(defaultValue)));
    }
}
