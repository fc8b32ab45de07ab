package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.dbchooser.itests.databases.Server;

/**
 * Two standbys behind one slave URL (pgjdbc: targetServerType=preferSecondary,
 * loadBalanceHosts=true): reads spread over both, and keep working when one stops.
 */
class SeveralSlavesIT extends AgainstTwoStandbys {

    @Test
    void readsSpreadOverBothStandbys() throws Exception {
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
    void readsKeepWorkingWhenOneStandbyStops() throws Exception {
        stoppingServers(() -> {
            Databases.control("pause", "standby1");
            atFirst = reads(200);
            Thread.sleep(1000);
            afterASecond = reads(200);
        });
        // no read failed (reads() counts failures under "failed"); the stopped standby served none
        assertThat(atFirst).doesNotContainKeys("failed", "standby on port " + Databases.standbyPort());
        assertThat(afterASecond).doesNotContainKeys("failed", "standby on port " + Databases.standbyPort());
        // once the pool has dropped its connections to the stopped standby, the other one serves
        assertThat(afterASecond.get("standby2 on port " + Databases.standby2Port()))
                .as("served after a second: %s (at first: %s)", afterASecond, atFirst).hasValueGreaterThan(190);
    }

    private Map<String, AtomicInteger> atFirst;
    private Map<String, AtomicInteger> afterASecond;

    /** {@code count} reads from 4 threads, each in a unit of work of its own; who served them, and how many failed. */
    private Map<String, AtomicInteger> reads(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                reads.add(pool.submit(() -> {
                    String who;
                    try {
                        who = readOnly.server().toString();
                    } catch (RuntimeException e) {
                        who = "failed";
                        failures.add(e);
                    }
                    served.computeIfAbsent(who, k -> new AtomicInteger()).incrementAndGet();
                }));
            }
            for (Future<?> read : reads) {
                read.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        failures.forEach(Throwable::printStackTrace); // what failed, for whoever reads the test report
        return served;
    }
}
