package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.dbchooser.MasterUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.dbchooser.itests.databases.Server;

/**
 * Standbys stopped and started during traffic, and the master stopped: every read
 * succeeds, a slave that comes back is used again within seconds, and master-routed
 * work fails at once, with dbchooser's message, while the master is down. Four
 * readers of their own read all along, as other requests would; none may fail.
 */
class ServerFailuresIT extends AgainstTwoStandbys {

    /** Each call on a thread of its own, as requests of their own: no unit of work is shared. */
    private static ExecutorService requests;

    @BeforeAll
    static void threads() {
        requests = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopThreads() {
        requests.shutdownNow();
    }

    private static <T> T request(Callable<T> work) throws Exception {
        try {
            return requests.submit(work).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Test
    void withBothStandbysDownReadsFallBackToTheMasterAndReturnWhenAStandbyIsBack() throws Exception {
        assertThat(underTraffic(this::bothStandbysDown)).as("who served the other readers' reads")
                .contains("master on port " + Databases.masterPort());
    }

    /** Runs {@code test} with four readers reading all along; none of their reads may fail. Returns who served them. */
    private List<String> underTraffic(Databases.Work test) throws Exception {
        // after a test that stopped the standbys, the monitor must have seen them back (it asks every 100 ms)
        Await.until("reads on the standbys", 5_000, () -> readOnly.server().isEitherStandby());
        List<Traffic.Call> reads = new ArrayList<>();
        try (Traffic readers = new Traffic(4, readOnly::server)) {
            stoppingServers(() -> {
                Thread.sleep(200);
                test.run();
                reads.addAll(readers.stop());
            });
        }
        assertThat(reads.stream().map(Traffic.Call::failure).filter(Objects::nonNull))
                .as("the other readers' reads that failed, of %d", reads.size()).isEmpty();
        assertThat(reads).as("the other readers' reads").hasSizeGreaterThan(100);
        return reads.stream().map(read -> read.server().toString()).toList();
    }

    private void bothStandbysDown() throws Exception {
        assertThat(request(readOnly::server).isEitherStandby()).isTrue();
        Databases.control("pause", "standby1");
        Databases.control("pause", "standby2");
        for (int i = 0; i < 100; i++) {
            Server server = request(readOnly::server);
            assertThat(server.isMaster()).as("read %d while both standbys are down: %s", i, server).isTrue();
        }
        Databases.control("resume", "standby1");
        Databases.control("resume", "standby2");
        Await.until("a standby used again", 5_000, () -> request(readOnly::server).isEitherStandby());
    }

    @Test
    void withTheMasterDownReadsWorkAndMasterWorkFailsAtOnce() throws Exception {
        assertThat(underTraffic(this::masterDown)).as("who served the other readers' reads")
                .doesNotContain("master on port " + Databases.masterPort());
    }

    private void masterDown() throws Exception {
        Databases.control("pause", "master");
        assertThat(request(readOnly::server).isEitherStandby()).isTrue();
        // whether the monitor has looked yet or the call finds out itself: dbchooser's failure, not the driver's
        assertThatThrownBy(() -> request(master::server)).as("the first master call after the master stopped")
                .isInstanceOf(MasterUnavailableException.class).hasMessageStartingWith("DBCHOOSER-310: the master c");
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> request(master::server))
                    .isInstanceOf(MasterUnavailableException.class)
                    .hasMessage("DBCHOOSER-310: the master cannot be reached, so master-routed work was not tried;"
                            + " slave-routed reads keep working. The application is still up: answer 503 and retry later"
                            + " (dbchooser checks the master again every few seconds)");
            // each call, not an average that one slow call could hide in; a connection attempt would take 2 s
            assertThat(System.nanoTime() - start).as("nanoseconds for refused call %d", i).isLessThan(500_000_000L);
        }
        for (int i = 0; i < 20; i++) {
            assertThat(request(readOnly::server).isEitherStandby()).isTrue();
        }
        Databases.control("resume", "master");
        long back = System.nanoTime();
        while (true) {
            try {
                assertThat(request(master::server).isMaster()).isTrue();
                break;
            } catch (MasterUnavailableException stillDown) {
                assertThat(System.nanoTime() - back).as("the master is used again within 10 s").isLessThan(10_000_000_000L);
                Thread.sleep(50);
            }
        }
    }
}
