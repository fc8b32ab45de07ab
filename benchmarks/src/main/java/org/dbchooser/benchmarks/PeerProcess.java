package org.dbchooser.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One peer in a JVM of its own, driven by {@link EndToEnd} through its standard input
 * and output: so that no peer's classes shape the code the JIT compiles for another
 * (they share Hibernate, the driver and the pool, and each would otherwise leave its own
 * types in the others' call sites), while the runs of all peers still interleave. It
 * wires the peer, checks where its reads and writes go, says {@value #READY}, then runs
 * each {@code run WORKLOAD SECONDS ROUND} it is sent and answers with a line of the
 * results file after {@value #RESULT}, until {@code quit}.
 */
public final class PeerProcess {

    static final String READY = "ready";
    static final String RESULT = "result\t";

    private PeerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        List<AutoCloseable> wirings = new ArrayList<>();
        try {
            Peer peer = Peers.wire(args[0], settings.servers(), settings.threads(), wirings);
            RouteCheck.verify(peer, settings.servers());
            System.out.println(READY);
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = commands.readLine(); line != null && !line.equals("quit"); line = commands.readLine()) {
                String[] command = line.split(" "); // run WORKLOAD SECONDS ROUND
                int round = Integer.parseInt(command[3]);
                LoadRun.Result result = measure(peer, Workload.valueOf(command[1]), settings.threads(),
                        Duration.ofSeconds(Long.parseLong(command[2])), round == 0 ? "warm-up" : "round " + round);
                System.out.println(RESULT + ResultRow.of(round, result).tsv());
            }
        } finally {
            Collections.reverse(wirings);
            for (AutoCloseable wiring : wirings) {
                wiring.close();
            }
        }
    }

    private static LoadRun.Result measure(Peer peer, Workload workload, int threads, Duration duration, String when)
            throws Exception {
        System.gc(); // the previous run's garbage is not this run's cost
        LoadRun.Result result = LoadRun.run(peer, workload, threads, duration);
        System.out.printf(Locale.ROOT, "%-8s %-9s %-62s %,8.0f calls/s  reads p50 %5.0f p99 %6.0f p99.9 %6.0f µs"
                + "  writes p50 %5.0f p99 %6.0f p99.9 %6.0f µs  client CPU %5.1f µs/call%n", when, workload.label,
                peer.label(), result.callsPerSecond(), result.reads().percentileMicros(0.5),
                result.reads().percentileMicros(0.99), result.reads().percentileMicros(0.999),
                result.writes().percentileMicros(0.5), result.writes().percentileMicros(0.99),
                result.writes().percentileMicros(0.999), result.clientCpuMicrosPerCall());
        return result;
    }
}
