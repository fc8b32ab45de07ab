package org.dbchooser.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** The results of a comparison: the results file, and the tables of benchmarks/RESULTS.md in Markdown. */
final class Report {

    private Report() {
    }

    static void write(List<ResultRow> rows, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(ResultRow.HEADER);
        rows.forEach(row -> lines.add(row.tsv()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
    }

    static List<ResultRow> read(Path file) throws IOException {
        return Files.readAllLines(file).stream().skip(1).filter(line -> !line.isBlank()).map(ResultRow::parse).toList();
    }

    /** The peers in the order they ran, key to description. */
    static Map<String, String> peers(List<ResultRow> rows) {
        Map<String, String> peers = new LinkedHashMap<>();
        rows.forEach(row -> peers.putIfAbsent(row.peer(), row.description()));
        return peers;
    }

    static void printTables(List<ResultRow> rows, PrintStream out) {
        out.println("\nReads (each a unit of work of its own)\n");
        out.println("| round | peer | reads/s | p50 µs | p99 µs | p99.9 µs | client CPU µs/read | to (a) |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (ResultRow row : rows) {
            if (row.workload() == Workload.READS) {
                out.println(String.format(Locale.ROOT, "| %d | (%s) | %,.0f | %.0f | %.0f | %.0f | %.1f | %s |",
                        row.round(), row.peer(), row.callsPerSecond(), row.readP50(), row.readP99(), row.readP999(),
                        row.clientCpuMicros(), ratio(row.ratioToBaseline(rows))));
            }
        }
        out.println("\nMix, 90 % reads / 10 % writes\n");
        out.println("| round | peer | ops/s | reads p50 / p99 / p99.9 µs | writes p50 / p99 / p99.9 µs "
                + "| client CPU µs/op | to (a) |");
        out.println("|---|---|---|---|---|---|---|");
        for (ResultRow row : rows) {
            if (row.workload() == Workload.MIX) {
                out.println(String.format(Locale.ROOT,
                        "| %d | (%s) | %,.0f | %.0f / %.0f / %.0f | %.0f / %.0f / %.0f | %.1f | %s |", row.round(),
                        row.peer(), row.callsPerSecond(), row.readP50(), row.readP99(), row.readP999(), row.writeP50(),
                        row.writeP99(), row.writeP999(), row.clientCpuMicros(), ratio(row.ratioToBaseline(rows))));
            }
        }
        out.println("\nMedians of the rounds; beside each ratio to (a), its lowest and highest round\n");
        out.println("| peer | reads/s | reads to (a) | client CPU µs/read | mix ops/s | mix to (a) | client CPU µs/op "
                + "| untimed between calls µs |");
        out.println("|---|---|---|---|---|---|---|---|");
        peers(rows).forEach((peer, description) -> out.println(String.format(Locale.ROOT,
                "| (%s) %s | %,.0f | %s | %.1f | %,.0f | %s | %.1f | %.1f |", peer, description,
                ResultRow.medianRate(rows, Workload.READS, peer), spread(rows, Workload.READS, peer),
                ResultRow.median(rows, Workload.READS, peer, ResultRow::clientCpuMicros),
                ResultRow.medianRate(rows, Workload.MIX, peer), spread(rows, Workload.MIX, peer),
                ResultRow.median(rows, Workload.MIX, peer, ResultRow::clientCpuMicros),
                rows.stream().filter(row -> row.peer().equals(peer)).mapToDouble(ResultRow::aroundMicros).average()
                        .orElse(Double.NaN))));
    }

    /** The median ratio to (a) and, in brackets, the lowest and the highest round's: "0.81 (0.74–0.97)". */
    private static String spread(List<ResultRow> rows, Workload workload, String peer) {
        double[] ratios = ResultRow.ratios(rows, workload, peer);
        if (ratios.length == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", ResultRow.medianRatio(rows, workload, peer), ratios[0],
                ratios[ratios.length - 1]);
    }

    private static String ratio(OptionalDouble ratio) {
        return ratio.isPresent() ? String.format(Locale.ROOT, "%.2f", ratio.getAsDouble()) : "–";
    }
}
