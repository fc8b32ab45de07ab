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
        // after a test that stopped a standby, the monitor must have seen it back (it asks every 100 ms)
        Await.until("reads on the standbys", 5_000, () -> readOnly.server().isEitherStandby());
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
        Traffic.AroundAStop[] seen = new Traffic.AroundAStop[1];
        // 4 readers for 4 s; the standby stops 1 s in, under them
        stoppingServers(() -> seen[0] = Traffic.aroundAStop(4, readOnly::server, 1_000, () -> Databases.control("pause", "standby1"), 3_000));
        assertThat(seen[0].failures()).as("reads that failed, of %d", seen[0].calls().size()).isEmpty();
        // a read that began a second after the stop: the pools have dropped the dead connections
        assertThat(seen[0].servedFrom(1_000)).as("who served the reads that began a second after the stop")
                .doesNotContainKey("standby on port " + Databases.standbyPort())
                .containsKey("standby2 on port " + Databases.standby2Port());
    }
}
