package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.dbchooser.itests.databases.Server;

/**
 * db_chooser.max-lag=500ms with both standbys replaying 1 s late
 * (recovery_min_apply_delay): while the master writes, reads go to the master;
 * once the standbys catch up, back to them. An idle master does not count as lag.
 */
class LagBoundIT extends AgainstTwoStandbys {

    @Test
    void whileTheStandbysLagBeyondTheBoundReadsGoToTheMaster() throws Exception {
        Databases.control("set", "standby1", "recovery_min_apply_delay = 1000");
        Databases.control("set", "standby2", "recovery_min_apply_delay = 1000");
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> writes = writer.submit(() -> {
                while (writing.get()) {
                    master.insert("lag-" + UUID.randomUUID());
                    Thread.sleep(50);
                }
                return null;
            });
            // until the standbys say themselves that they are late (their last replayed transaction older than
            // 700 ms, while the master writes every 50 ms) and the monitor has seen it
            long late = System.nanoTime();
            while (!(Databases.replayAgeMillis(Databases.standbyPort()) > 700
                    && Databases.replayAgeMillis(Databases.standby2Port()) > 700 && readOnly.call(readOnly::server).isMaster())) {
                assertThat(System.nanoTime() - late).as("both standbys 0.7 s late by their own account, and reads on the"
                        + " master, within 5 s").isLessThan(5_000_000_000L);
                Thread.sleep(50);
            }
            for (int i = 0; i < 50; i++) {
                Server server = readOnly.call(readOnly::server);
                assertThat(server.isMaster()).as("read %d while the standbys lag 1 s: %s", i, server).isTrue();
                Thread.sleep(20);
            }
            assertThat(Databases.replayAgeMillis(Databases.standbyPort())).as("still late after the reads").isGreaterThan(500);
            writing.set(false);
            writes.get(10, TimeUnit.SECONDS);
        } finally {
            writing.set(false);
            writer.shutdownNow();
            Databases.control("set", "standby1", "recovery_min_apply_delay = 0");
            Databases.control("set", "standby2", "recovery_min_apply_delay = 0");
        }
        long back = System.nanoTime();
        while (!readOnly.server().isEitherStandby()) {
            assertThat(System.nanoTime() - back).as("reads return to a standby within 5 s").isLessThan(5_000_000_000L);
            Thread.sleep(20);
        }
        Thread.sleep(2000); // idle master: the last replayed transaction grows old, yet nobody lags
        assertThat(readOnly.server().isEitherStandby()).isTrue();
    }
}
