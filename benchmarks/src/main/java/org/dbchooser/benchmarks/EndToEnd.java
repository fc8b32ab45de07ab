package org.dbchooser.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end-to-end comparison: the same primary-key read, and a 90/10 mix of it with a
 * primary-key update, each call a unit of work of its own, through Hibernate 6.6 over
 * HikariCP pools of the same size, against a real master and hot standby, for
 * <ol type="a">
 * <li>plain Hibernate, reads on a unit on the standby, writes on a unit on the master,
 * chosen by hand: no routing, the limit;</li>
 * <li>dbchooser, {@code @ReadOnly} / {@code @Master} beans in plain CDI, called from
 * threads without a request context (b1) and inside one, as in a web request (b2);</li>
 * <li>the floor under (b): the units of (a) in a bean method with {@code @ActivateRequestContext}, the
 * container's own interceptor, called the same two ways (f1, f2);</li>
 * <li>ShardingSphere-JDBC's read/write splitting;</li>
 * <li>Pgpool-II, all reads weighted to the standby;</li>
 * <li>Spring's LazyConnectionDataSourceProxy with a read-only data source.</li>
 * </ol>
 * Each peer runs in JVMs of its own ({@link PeerProcess}), each of which first asks the
 * servers where the peer's reads and writes go (the standby and the master, or it stops);
 * every JVM is warmed up; then come the rounds: in each, each JVM of every peer in turn,
 * peers interleaved, reads then the mix, each turn starting one peer further on, and
 * each run on a freshly vacuumed table ({@link Items#settle}). A peer's measured runs are its rounds × JVMs
 * (what the JIT of one JVM made of its code is one draw: several JVMs show how much it
 * varies), and the summary gives each peer's median and its lowest and highest run. Tables
 * go to standard output, every run to the results file, the chart to a PNG. The settings
 * are in {@link Settings}; benchmarks/RESULTS.md has the commands that start the servers
 * and run it.
 */
public final class EndToEnd {

    private EndToEnd() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        System.out.printf(Locale.ROOT, "%d cores, Java %s, %s %s; %d client threads, pools of %d, %d s a run, "
                + "%d s warm-up a JVM, %d rounds, %d JVMs a peer%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.version"),
                settings.threads(), settings.threads(), settings.run().toSeconds(), settings.warmUp().toSeconds(),
                settings.rounds(), settings.jvms());
        Items.create(settings.servers());
        // jvms.get(j): the j-th JVM of every peer, in the peers' order
        List<List<ForkedPeer>> jvms = new ArrayList<>();
        try {
            for (int j = 0; j < settings.jvms(); j++) {
                List<ForkedPeer> peers = new ArrayList<>();
                jvms.add(peers);
                for (String key : settings.peers()) {
                    peers.add(ForkedPeer.start(key, settings));
                }
            }
            for (List<ForkedPeer> peers : jvms) {
                for (ForkedPeer peer : peers) {
                    peer.run(Workload.MIX, settings.warmUp(), 0);
                }
            }
            List<ResultRow> rows = new ArrayList<>();
            int run = 0;
            for (int round = 1; round <= settings.rounds(); round++) {
                for (List<ForkedPeer> peers : jvms) {
                    run++; // each JVM's turn is a run of its own, compared with (a)'s JVM of the same turn
                    for (Workload workload : settings.workloads()) {
                        // each turn starts one peer further on: the place in the order, and what the
                        // peers before left on the servers, are shared out alike
                        for (int i = 0; i < peers.size(); i++) {
                            Items.settle(settings.servers());
                            rows.add(peers.get((run - 1 + i) % peers.size()).run(workload, settings.run(), run));
                        }
                    }
                }
            }
            if (settings.peers().contains("d")) {
                PgpoolNodes.print(settings.servers());
            }
            Report.write(rows, settings.results());
            Report.printTables(rows, System.out);
            EndToEndChart.draw(rows, settings.chart());
            System.out.println("\nresults in " + settings.results() + ", chart in " + settings.chart());
        } finally {
            for (List<ForkedPeer> peers : jvms) {
                for (ForkedPeer peer : peers) {
                    peer.close();
                }
            }
        }
    }
}
