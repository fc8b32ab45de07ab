package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.dbchooser.itests.databases.Server;

/**
 * Two standbys behind one slave URL (pgjdbc: targetServerType=preferSecondary,
 * loadBalanceHosts=true): reads spread over both, and keep working when one stops.
 */
class SeveralSlavesIT extends AgainstTwoStandbys {

    @Test
    void readsSpreadOverBothStandbys() throws Exception {
        // after a test that stopped a standby, the monitor must have seen it back (it asks every 100 ms)
        long start = System.nanoTime();
        while (!readOnly.server().isEitherStandby()) {
            assertThat(System.nanoTime() - start).as("reads on the standbys within 5 s").isLessThan(5_000_000_000L);
            Thread.sleep(50);
        }
        Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 3; round++) {
                // 16 reads at once, each holding its connection: 16 connections, each to a host pgjdbc drew
                List<Future<Server>> reads = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    reads.add(pool.submit(() -> readOnly.serverAfter(0.2)));
                }
                for (Future<Server> read : reads) {
                    served.computeIfAbsent(read.get(30, TimeUnit.SECONDS).toString(), k -> new AtomicInteger()).incrementAndGet();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(served.keySet()).containsExactlyInAnyOrder(
                "standby on port " + Databases.standbyPort(), "standby2 on port " + Databases.standby2Port());
    }

    @Test
    void readsKeepWorkingWhenOneStandbyStopsDuringThem() throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> servedAfterTheStop = new ConcurrentHashMap<>();
        AtomicInteger reads = new AtomicInteger();
        AtomicLong stopped = new AtomicLong(); // 0 until the standby has stopped
        stoppingServers(() -> {
            // 4 readers for 4 s; the standby stops 1 s in, under them
            ExecutorService pool = Executors.newFixedThreadPool(4);
            long end = System.nanoTime() + 4_000_000_000L;
            try {
                List<Future<?>> readers = new ArrayList<>();
                for (int r = 0; r < 4; r++) {
                    readers.add(pool.submit(() -> {
                        while (System.nanoTime() < end) {
                            long started = System.nanoTime();
                            try {
                                String who = readOnly.server().toString();
                                // a read that began a second after the stop: the pools have dropped the dead connections
                                long stop = stopped.get();
                                if (stop != 0 && started - stop > 1_000_000_000L) {
                                    servedAfterTheStop.computeIfAbsent(who, k -> new AtomicInteger()).incrementAndGet();
                                }
                            } catch (RuntimeException e) {
                                failures.add(e);
                            }
                            reads.incrementAndGet();
                        }
                        return null;
                    }));
                }
                Thread.sleep(1_000);
                Databases.control("pause", "standby1");
                stopped.set(System.nanoTime());
                for (Future<?> reader : readers) {
                    reader.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        });
        assertThat(failures).as("reads that failed, of %d", reads.get()).isEmpty();
        assertThat(servedAfterTheStop).as("who served the reads that began a second after the stop")
                .doesNotContainKey("standby on port " + Databases.standbyPort())
                .containsKey("standby2 on port " + Databases.standby2Port());
    }
}
