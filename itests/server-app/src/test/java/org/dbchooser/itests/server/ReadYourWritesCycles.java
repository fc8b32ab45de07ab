package org.dbchooser.itests.server;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.dbchooser.itests.databases.BuildDatabases;

/**
 * Read-your-writes across HTTP requests, with the standby replaying 500 ms late
 * ({@code recovery_min_apply_delay}): 1,000 write-then-read cycles by 20 clients, each
 * client with its own cookies, as a browser has. A cycle is a POST that writes a row,
 * then a GET that counts it and names, in the same statement, the server that counted.
 */
public final class ReadYourWritesCycles {

    private static final int CLIENTS = 20;
    private static final int CYCLES_PER_CLIENT = 50;

    private ReadYourWritesCycles() {
    }

    /** What the cycles saw: a stale read counted no row. */
    public record Outcome(int cycles, int stale, int servedByStandby, long slowestCycleMillis, long millis) {
        @Override
        public String toString() {
            return String.format("%d cycles, %d stale, %.1f %% of reads served by the standby, slowest cycle %d ms, %d ms in all",
                    cycles, stale, 100.0 * servedByStandby / cycles, slowestCycleMillis, millis);
        }
    }

    public static Outcome run(URL deployment) throws Exception {
        String base = deployment.toString().replaceAll("/$", "");
        AtomicInteger cycles = new AtomicInteger();
        AtomicInteger stale = new AtomicInteger();
        AtomicInteger byStandby = new AtomicInteger();
        AtomicLong slowest = new AtomicLong();
        long start = System.nanoTime();
        BuildDatabases.control("set", "standby1", "recovery_min_apply_delay = 500");
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
                    for (int i = 0; i < CYCLES_PER_CLIENT; i++) {
                        String name = "ryw-" + UUID.randomUUID();
                        long cycleStart = System.nanoTime();
                        HttpResponse<String> write = client.send(HttpRequest.newBuilder(URI.create(base + "/items/" + name))
                                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                        if (write.statusCode() != 200) {
                            throw new AssertionError("the write answered " + write.statusCode() + ": " + write.body());
                        }
                        HttpResponse<String> read = client.send(HttpRequest.newBuilder(URI.create(base + "/items/count/" + name))
                                .GET().build(), HttpResponse.BodyHandlers.ofString());
                        if (read.statusCode() != 200) {
                            throw new AssertionError("the read answered " + read.statusCode() + ": " + read.body());
                        }
                        slowest.accumulateAndGet((System.nanoTime() - cycleStart) / 1_000_000, Math::max);
                        // "<count> <port> standby|master", from one statement on the server that counted
                        String[] answer = read.body().split(" ");
                        if (Long.parseLong(answer[0]) != 1) {
                            stale.incrementAndGet();
                        }
                        if ((answer[1] + " " + answer[2]).equals(Servers.standby())) {
                            byStandby.incrementAndGet();
                        }
                        cycles.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(5, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
            BuildDatabases.control("set", "standby1", "recovery_min_apply_delay = 0");
            Servers.waitForStandby();
        }
        return new Outcome(cycles.get(), stale.get(), byStandby.get(), slowest.get(), (System.nanoTime() - start) / 1_000_000);
    }
}
