package org.dbchooser.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The settings of the end-to-end comparison, from system properties (defaults in
 * brackets): {@code bench.master-port} [25432], {@code bench.standby-port} [25433],
 * {@code bench.pgpool-port} [25439], {@code bench.threads} [4] (also each pool's size),
 * {@code bench.seconds} [20] a run, {@code bench.warmup} [20] seconds a peer,
 * {@code bench.rounds} [3], {@code bench.jvms} [2] JVMs per peer (each round runs each of them,
 * so a peer has rounds × JVMs measured runs), {@code bench.peers} [a,b1,b2,c,d,e], {@code bench.workloads}
 * [reads,mix], {@code bench.results} [benchmarks/target/end-to-end.tsv],
 * {@code bench.chart} [benchmarks/end-to-end.png], {@code bench.peer-jvm-options} [none]:
 * options for each peer's JVM, a profiler's for instance.
 */
record Settings(Servers servers, int threads, Duration run, Duration warmUp, int rounds, int jvms, List<String> peers,
        List<Workload> workloads, Path results, Path chart, List<String> peerJvmOptions) {

    static Settings fromSystemProperties() {
        return new Settings(
                new Servers(number("bench.master-port", 25432), number("bench.standby-port", 25433),
                        number("bench.pgpool-port", 25439)),
                number("bench.threads", 4), Duration.ofSeconds(number("bench.seconds", 20)),
                Duration.ofSeconds(number("bench.warmup", 20)), number("bench.rounds", 3), number("bench.jvms", 2),
                Peers.ALL.stream().filter(list("bench.peers", String.join(",", Peers.ALL), ",")::contains).toList(),
                list("bench.workloads", "reads,mix", ",").stream()
                        .map(name -> Workload.valueOf(name.toUpperCase(Locale.ROOT))).toList(),
                Path.of(System.getProperty("bench.results", "benchmarks/target/end-to-end.tsv")),
                Path.of(System.getProperty("bench.chart", "benchmarks/end-to-end.png")),
                list("bench.peer-jvm-options", "", "\\s+").stream().filter(option -> !option.isBlank()).toList());
    }

    /** The properties a peer's JVM needs to find the servers and size its pools as this one. */
    List<String> forPeerJvm() {
        return List.of("-Dbench.master-port=" + servers.masterPort(), "-Dbench.standby-port=" + servers.standbyPort(),
                "-Dbench.pgpool-port=" + servers.pgpoolPort(), "-Dbench.threads=" + threads);
    }

    private static int number(String name, int defaultValue) {
        return Integer.parseInt(System.getProperty(name, String.valueOf(defaultValue)));
    }

    private static List<String> list(String name, String defaultValue, String separator) {
        return Arrays.asList(System.getProperty(name, defaultValue).split(separator));
    }
}
