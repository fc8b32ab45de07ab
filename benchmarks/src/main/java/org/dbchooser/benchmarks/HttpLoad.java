package org.dbchooser.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark at the level users see: applications on a running server, driven over
 * HTTP on loopback by client threads that each send one request after another, for a
 * bounded time. Each application is compared with the first one named (the reference),
 * runs interleaved (a, b; then b, a; ...: each round starts one application further on, each
 * run on a freshly vacuumed {@code layer} table), and each is summarised by its median ratio to the
 * reference with the lowest and highest beside it. {@code benchmarks/http-load} starts
 * the servers and runs it; RESULTS.md has the command.
 *
 * <p>Workloads: {@code reads} (GET of a random layer), {@code mix} (90 % of those, 10 %
 * PUT of a random layer) and {@code writes} (PUT only). Before measuring, each
 * application is asked to read and to write, and PostgreSQL's own statistics of the
 * {@code layer} table on each server say which one served: reads must scan it on the
 * standby only, writes update it on the master; otherwise the run stops.
 *
 * <p>System properties: {@code load.apps} ({@code by-hand=/catalogue-by-hand,dbchooser=/catalogue}:
 * name=context path, the first is the reference), {@code load.base}
 * ({@code http://127.0.0.1:8080}), {@code load.workloads} ({@code reads,mix}),
 * {@code load.seconds} (20), {@code load.warmup} (20, each application, the mix),
 * {@code load.rounds} (5), {@code load.threads} (8), {@code load.layers} (1,000 rows
 * made if fewer exist), {@code load.master-port} / {@code load.standby-port} (25432 /
 * 25433, for the check and the vacuum), {@code load.server-pid} (the server's process, whose CPU time
 * per request is reported; none when absent), {@code load.results} (a TSV file of every
 * run).
 */
public final class HttpLoad {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long STATISTICS_DELAY_MILLIS = 11_000;
    /** Linux's clock ticks per second, the unit of /proc/PID/stat's CPU times. */
    private static final double TICKS_PER_SECOND = 100;

    enum Workload {
        READS(0), MIX(10), WRITES(100);

        final int writePercent;

        Workload(int writePercent) {
            this.writePercent = writePercent;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record App(String name, String contextPath) {
    }

    record Run(int round, Workload workload, App app, int requests, double seconds, Latencies latencies,
            double serverCpuMicros) {

        double rate() {
            return requests / seconds;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final String base;
    private final int threads;
    private final String serverPid;
    private long[] layerIds;

    private HttpLoad(String base, int threads, String serverPid) {
        this.base = base;
        this.threads = threads;
        this.serverPid = serverPid;
    }

    public static void main(String[] args) throws Exception {
        List<App> apps = apps(System.getProperty("load.apps", "by-hand=/catalogue-by-hand,dbchooser=/catalogue"));
        List<Workload> workloads = Arrays.stream(System.getProperty("load.workloads", "reads,mix").split(","))
                .map(w -> Workload.valueOf(w.trim().toUpperCase(Locale.ROOT))).toList();
        int seconds = Integer.getInteger("load.seconds", 20);
        int warmup = Integer.getInteger("load.warmup", 20);
        int rounds = Integer.getInteger("load.rounds", 5);
        HttpLoad load = new HttpLoad(System.getProperty("load.base", "http://127.0.0.1:8080"),
                Integer.getInteger("load.threads", 8), System.getProperty("load.server-pid"));
        String master = "jdbc:postgresql://127.0.0.1:" + Integer.getInteger("load.master-port", 25432) + "/dbchooser";
        String standby = "jdbc:postgresql://127.0.0.1:" + Integer.getInteger("load.standby-port", 25433) + "/dbchooser";

        load.layerIds = load.layers(apps.get(0), Integer.getInteger("load.layers", 1000));
        for (App app : apps) {
            System.out.println(load.check(app, master, standby));
        }
        for (App app : apps) {
            load.run(0, Workload.MIX, app, Duration.ofSeconds(warmup));
        }
        List<Run> runs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (Workload workload : workloads) {
                List<Run> roundRuns = new ArrayList<>();
                // each round starts one application further on, each run on a freshly vacuumed table
                for (int i = 0; i < apps.size(); i++) {
                    Vacuum.andReplay(master, standby, "layer");
                    roundRuns.add(load.run(round, workload, apps.get((round - 1 + i) % apps.size()), Duration.ofSeconds(seconds)));
                }
                runs.addAll(roundRuns);
                roundRuns.forEach(run -> System.out.println(row(run, runs)));
                System.out.flush();
            }
        }
        System.out.println();
        System.out.println(summary(runs, apps, workloads));
        String results = System.getProperty("load.results");
        if (results != null) {
            write(runs, Path.of(results));
        }
    }

    static List<App> apps(String spec) {
        List<App> apps = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String[] parts = entry.trim().split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("load.apps: expected name=/context-path, got " + entry);
            }
            apps.add(new App(parts[0], parts[1]));
        }
        return apps;
    }

    /** The ids of at least {@code wanted} layers, made through {@code app} if fewer exist. */
    private long[] layers(App app, int wanted) throws IOException, InterruptedException {
        long[] ids = ids(send(get(app, "/api/layers")).body());
        int existing = ids.length;
        for (int i = existing; i < wanted; i++) {
            expect(send(put(app, "/api/layers", "POST", "layer-" + i)), 201);
        }
        // the list is read from the standby: wait until it has replayed the new rows
        for (int attempt = 0; attempt < 100 && ids.length < wanted; attempt++) {
            Thread.sleep(100);
            ids = ids(send(get(app, "/api/layers")).body());
        }
        System.out.println("layers: " + ids.length);
        return ids;
    }

    private static long[] ids(String json) {
        List<Long> ids = new ArrayList<>();
        Matcher m = ID.matcher(json);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Which server served {@code app}'s reads and writes, from PostgreSQL's own count of
     * the scans and updates of the {@code layer} table (each server counts what its own
     * sessions did): 50 reads must scan it on the standby only, 10 writes must update
     * it on the master.
     */
    private String check(App app, String masterUrl, String standbyUrl) throws Exception {
        try (Connection master = DriverManager.getConnection(masterUrl, "dbchooser", "dbchooser");
                Connection standby = DriverManager.getConnection(standbyUrl, "dbchooser", "dbchooser")) {
            // a backend idle in its pool reports its counts within 10 s (PostgreSQL's PGSTAT_IDLE_INTERVAL):
            // let earlier work's reports in first, and this check's after it
            Thread.sleep(STATISTICS_DELAY_MILLIS);
            long[] before = {scans(master), scans(standby), updates(master)};
            for (int i = 0; i < 50; i++) {
                expect(send(get(app, "/api/layers/" + layerIds[i % layerIds.length])), 200);
            }
            for (int i = 0; i < 10; i++) {
                expect(send(put(app, "/api/layers/" + layerIds[i], "PUT", "checked-" + System.nanoTime())), 200);
            }
            Thread.sleep(STATISTICS_DELAY_MILLIS);
            long masterScans = scans(master) - before[0];
            long standbyScans = scans(standby) - before[1];
            long masterUpdates = updates(master) - before[2];
            // each of the 10 writes scans the master twice (the lookup, then the update by id), nothing else may
            if (standbyScans < 50 || masterScans > 20 || masterUpdates < 10) {
                throw new IllegalStateException(app.name() + ": reads did not all come from the standby or writes "
                        + "did not reach the master: standby scans +" + standbyScans + ", master scans +" + masterScans
                        + ", master updates +" + masterUpdates);
            }
            return String.format(Locale.ROOT, "check %-10s 50 reads: layer scanned %d times on the standby, %d on the "
                    + "master (the writes' own lookups); 10 writes: %d rows updated on the master",
                    app.name(), standbyScans, masterScans, masterUpdates);
        }
    }

    private static long scans(Connection connection) throws SQLException {
        return single(connection, "select coalesce(seq_scan, 0) + coalesce(idx_scan, 0) from pg_stat_user_tables "
                + "where relname = 'layer'");
    }

    private static long updates(Connection connection) throws SQLException {
        return single(connection, "select n_tup_upd from pg_stat_user_tables where relname = 'layer'");
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Run run(int round, Workload workload, App app, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            double cpuBefore = serverCpuSeconds();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Future<int[]>> counts = new ArrayList<>();
            List<Latencies> latencies = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Latencies mine = new Latencies();
                latencies.add(mine);
                counts.add(pool.submit(() -> requestsUntil(end, workload, app, mine)));
            }
            int requests = 0;
            int failures = 0;
            for (Future<int[]> count : counts) {
                requests += count.get()[0];
                failures += count.get()[1];
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = serverCpuSeconds() - cpuBefore;
            Latencies all = new Latencies();
            latencies.forEach(all::addAll);
            if (failures > 0) {
                throw new IllegalStateException(app.name() + ", " + workload.label() + ": " + failures + " of "
                        + (requests + failures) + " requests failed");
            }
            return new Run(round, workload, app, requests, seconds, all,
                    serverPid == null ? Double.NaN : cpu * 1e6 / requests);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One client thread: requests one after another until {@code end}; returns {requests, failures}. */
    private int[] requestsUntil(long end, Workload workload, App app, Latencies latencies) throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int requests = 0;
        int failures = 0;
        while (System.nanoTime() < end) {
            long id = layerIds[random.nextInt(layerIds.length)];
            boolean write = random.nextInt(100) < workload.writePercent;
            HttpRequest request = write ? put(app, "/api/layers/" + id, "PUT", "t" + random.nextInt(1_000_000))
                    : get(app, "/api/layers/" + id);
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    failures++;
                    continue;
                }
            } catch (IOException e) {
                failures++;
                continue;
            }
            latencies.add(System.nanoTime() - started);
            requests++;
        }
        return new int[] {requests, failures};
    }

    private HttpRequest get(App app, String path) {
        return HttpRequest.newBuilder(URI.create(base + app.contextPath() + path)).timeout(TIMEOUT)
                .header("Accept", "application/json").GET().build();
    }

    private HttpRequest put(App app, String path, String method, String title) {
        String body = "{\"name\":\"layer\",\"title\":\"" + title + "\"}";
        return HttpRequest.newBuilder(URI.create(base + app.contextPath() + path)).timeout(TIMEOUT)
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + ": "
                    + response.statusCode() + " " + response.body());
        }
    }

    /** The server process's CPU time so far (user and system), from /proc; 0 without a server PID. */
    private double serverCpuSeconds() throws IOException {
        if (serverPid == null) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc", serverPid, "stat"));
        // the fields after the command's closing parenthesis: utime and stime are the 12th and 13th
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    private static String row(Run run, List<Run> runs) {
        return String.format(Locale.ROOT, "| %d | %s | %s | %,.0f | %.0f | %.0f | %.0f | %.0f | %s |", run.round(),
                run.workload().label(), run.app().name(), run.rate(), run.latencies().percentileMicros(0.5),
                run.latencies().percentileMicros(0.99), run.latencies().percentileMicros(0.999), run.serverCpuMicros(),
                ratio(run, runs));
    }

    /** The run's rate over the reference's in the same round and workload. */
    private static String ratio(Run run, List<Run> runs) {
        return reference(run, runs).map(ref -> String.format(Locale.ROOT, "%.3f", run.rate() / ref.rate())).orElse("");
    }

    /** The reference application's run of the same round and workload (the first application named, which the first round starts with). */
    private static Optional<Run> reference(Run run, List<Run> runs) {
        App reference = runs.get(0).app();
        return runs.stream().filter(r -> r.round() == run.round() && r.workload() == run.workload()
                && r.app().equals(reference)).findFirst();
    }

    static String summary(List<Run> runs, List<App> apps, List<Workload> workloads) {
        StringBuilder out = new StringBuilder();
        out.append("| workload | application | requests/s, median | to ").append(apps.get(0).name())
                .append(", median (lowest-highest) | p50 µs, median | p99 µs, median | server CPU µs/request, median |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Workload workload : workloads) {
            for (App app : apps) {
                List<Run> mine = runs.stream().filter(r -> r.workload() == workload && r.app().equals(app)).toList();
                List<Double> ratios = new ArrayList<>();
                mine.forEach(run -> reference(run, runs).ifPresent(ref -> ratios.add(run.rate() / ref.rate())));
                out.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %.3f (%.3f-%.3f) | %.0f | %.0f | %.0f |\n",
                        workload.label(), app.name(), ResultRow.median(mine.stream().mapToDouble(Run::rate).toArray()),
                        ResultRow.median(ratios.stream().mapToDouble(Double::doubleValue).toArray()),
                        ratios.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                        ratios.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                        ResultRow.median(mine.stream().mapToDouble(r -> r.latencies().percentileMicros(0.5)).toArray()),
                        ResultRow.median(mine.stream().mapToDouble(r -> r.latencies().percentileMicros(0.99)).toArray()),
                        ResultRow.median(mine.stream().mapToDouble(Run::serverCpuMicros).toArray())));
            }
        }
        return out.toString();
    }

    private static void write(List<Run> runs, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("round\tworkload\tapp\trequests_per_s\tp50_us\tp99_us\tp999_us\tserver_cpu_us");
        for (Run run : runs) {
            lines.add(String.format(Locale.ROOT, "%d\t%s\t%s\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f", run.round(),
                    run.workload().label(), run.app().name(), run.rate(), run.latencies().percentileMicros(0.5),
                    run.latencies().percentileMicros(0.99), run.latencies().percentileMicros(0.999),
                    run.serverCpuMicros()));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
    }
}
