package org.dbchooser.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * One measured run as it is reported: a line of the results file
 * (benchmarks/target/end-to-end.tsv), from which the tables and the chart are made.
 * Latencies in microseconds.
 */
record ResultRow(int round, Workload workload, String peer, String description, double callsPerSecond,
        double wallCallsPerSecond, int reads, double readP50, double readP99, double readP999, int writes,
        double writeP50, double writeP99, double writeP999, double aroundMicros, double clientCpuMicros) {

    /** The peer every other is compared with: plain Hibernate, no routing. */
    static final String BASELINE = "a";

    static final String HEADER = String.join("\t", "round", "workload", "peer", "description", "calls_per_s",
            "wall_calls_per_s", "reads", "read_p50_us", "read_p99_us", "read_p999_us", "writes", "write_p50_us",
            "write_p99_us", "write_p999_us", "around_us_per_call", "client_cpu_us_per_call");

    static ResultRow of(int round, LoadRun.Result run) {
        return new ResultRow(round, run.workload(), run.peer().key(), run.peer().description(), run.callsPerSecond(),
                run.wallCallsPerSecond(), run.reads().count(), run.reads().percentileMicros(0.5),
                run.reads().percentileMicros(0.99), run.reads().percentileMicros(0.999), run.writes().count(),
                run.writes().percentileMicros(0.5), run.writes().percentileMicros(0.99),
                run.writes().percentileMicros(0.999), run.aroundMicrosPerCall(), run.clientCpuMicrosPerCall());
    }

    static ResultRow parse(String line) {
        String[] f = line.split("\t");
        return new ResultRow(Integer.parseInt(f[0]), Workload.valueOf(f[1]), f[2], f[3], Double.parseDouble(f[4]),
                Double.parseDouble(f[5]), Integer.parseInt(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8]),
                Double.parseDouble(f[9]), Integer.parseInt(f[10]), Double.parseDouble(f[11]), Double.parseDouble(f[12]),
                Double.parseDouble(f[13]), Double.parseDouble(f[14]), Double.parseDouble(f[15]));
    }

    String tsv() {
        return String.format(Locale.ROOT, "%d\t%s\t%s\t%s\t%.1f\t%.1f\t%d\t%.1f\t%.1f\t%.1f\t%d\t%.1f\t%.1f\t%.1f\t%.2f\t%.2f",
                round, workload.name(), peer, description, callsPerSecond, wallCallsPerSecond, reads, readP50, readP99,
                readP999, writes, writeP50, writeP99, writeP999, aroundMicros, clientCpuMicros);
    }

    /** This run's rate over the baseline's in the same round and workload; empty without one. */
    OptionalDouble ratioToBaseline(List<ResultRow> all) {
        return all.stream().filter(r -> r.round == round && r.workload == workload && r.peer.equals(BASELINE))
                .mapToDouble(r -> callsPerSecond / r.callsPerSecond).findFirst();
    }

    /** The median over the rounds of a peer's rate in a workload. */
    static double medianRate(List<ResultRow> all, Workload workload, String peer) {
        return median(all, workload, peer, ResultRow::callsPerSecond);
    }

    /** The median over the rounds of one measure of a peer in a workload. */
    static double median(List<ResultRow> all, Workload workload, String peer, ToDoubleFunction<ResultRow> measure) {
        return median(all.stream().filter(r -> r.workload == workload && r.peer.equals(peer)).mapToDouble(measure).toArray());
    }

    /** A peer's ratio to the baseline in each round of a workload, smallest first. */
    static double[] ratios(List<ResultRow> all, Workload workload, String peer) {
        return all.stream().filter(r -> r.workload == workload && r.peer.equals(peer))
                .map(r -> r.ratioToBaseline(all)).filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble)
                .sorted().toArray();
    }

    /** The median over the rounds of a peer's ratio to the baseline in a workload. */
    static double medianRatio(List<ResultRow> all, Workload workload, String peer) {
        return median(ratios(all, workload, peer));
    }

    /** The median of {@code values}; NaN when there are none. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
