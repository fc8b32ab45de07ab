package org.dbchooser.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.dbchooser.itests.databases.Server;


/**
 * Read-your-writes across requests, with the first standby replaying 500 ms late
 * (recovery_min_apply_delay; the second, where a deployment has it, keeps up): 1,000 write-then-read cycles by 20 clients, each a POST
 * that writes a row then a GET that counts it, with the cookies the POST's response
 * set. The subclasses assert what their mode guarantees and print the share of reads
 * the slave still served.
 */
abstract class ReadYourWritesMeasurement extends RoutedBeansTest {

    private static final int CLIENTS = 20;
    private static final int CYCLES_PER_CLIENT = 50;

    @Inject
    RequestContextWork requestContext;

    /** What the cycles saw. */
    record Outcome(int cycles, int stale, int servedBySlave, long slowestReadMillis) {
        double slaveShare() {
            return 100.0 * servedBySlave / cycles;
        }
    }

    /** 1,000 cycles; between its write and its read, a client waits a random time up to {@code maxPauseMillis}. */
    Outcome cycles(int maxPauseMillis) throws Exception {
        HttpRequests http = new HttpRequests(beanManager);
        AtomicInteger stale = new AtomicInteger();
        AtomicInteger bySlave = new AtomicInteger();
        AtomicLong slowestRead = new AtomicLong();
        Databases.control("set", "standby1", "recovery_min_apply_delay = 500");
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    HttpRequests.Client client = new HttpRequests.Client();
                    for (int i = 0; i < CYCLES_PER_CLIENT; i++) {
                        String name = "ryw-" + UUID.randomUUID();
                        requestContext.call(() -> http.serve(client, "POST", "/items", () -> plain.insert(name)));
                        if (maxPauseMillis > 0) {
                            Thread.sleep(ThreadLocalRandom.current().nextInt(maxPauseMillis + 1));
                        }
                        long readStart = System.nanoTime();
                        Object[] seen = requestContext.call(() -> http.serve(client, "GET", "/items/" + name,
                                () -> new Object[] {plain.count(name), plain.server()}));
                        slowestRead.accumulateAndGet((System.nanoTime() - readStart) / 1_000_000, Math::max);
                        if ((Long) seen[0] != 1) {
                            stale.incrementAndGet();
                        }
                        if (((Server) seen[1]).isEitherStandby()) {
                            bySlave.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(5, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
            Databases.control("set", "standby1", "recovery_min_apply_delay = 0");
            Databases.waitForStandby();
        }
        Outcome outcome = new Outcome(CLIENTS * CYCLES_PER_CLIENT, stale.get(), bySlave.get(), slowestRead.get());
        System.out.printf("read-your-writes %s, reads up to %d ms after the write: %d cycles, %d stale, %.1f %% served by"
                + " the slave, slowest read %d ms%n", getClass().getSimpleName(), maxPauseMillis, outcome.cycles(), outcome.stale(),
                outcome.slaveShare(), outcome.slowestReadMillis());
        return outcome;
    }
}
