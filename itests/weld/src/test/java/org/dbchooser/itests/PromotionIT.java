package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.dbchooser.MasterUnavailableException;
import org.dbchooser.itests.databases.BuildDatabases;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;

/**
 * The master crashes under a write load and the first standby is promoted, as Patroni
 * or a person would ({@code pg_ctl promote}). The master's unit reaches whichever
 * server is the primary (pgjdbc, targetServerType=primary), so writes resume on the
 * new primary without a redeploy; the monitor sees the promoted server leave the
 * standbys. With synchronous replication no acknowledged write is lost; with
 * asynchronous replication the test reports how many were. Each test starts the
 * build's servers afresh afterwards, for the tests that follow.
 */
class PromotionIT extends RoutedBeansTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.failover();
    }

    @Inject
    @Readiness
    HealthCheck readiness;

    /** What one failover saw. */
    record Outcome(int acknowledged, int lost, long writesBackMillis, int reads, int failedReads) {
    }

    @Test
    void withSynchronousReplicationNoAcknowledgedWriteIsLostAndWritesResumeWithinFiveSeconds() throws Exception {
        Outcome outcome = failover(true);
        assertThat(outcome.lost()).as("acknowledged writes missing on the new primary, of %d", outcome.acknowledged()).isZero();
        assertThat(outcome.writesBackMillis()).as("ms from the promotion to the first write served").isLessThan(5_000);
        assertThat(outcome.failedReads()).as("failed reads, of %d", outcome.reads()).isZero();
    }

    @Test
    void withAsynchronousReplicationWritesResumeAndTheLossIsReported() throws Exception {
        Outcome outcome = failover(false);
        // how many acknowledged writes asynchronous replication lost is reported, not asserted: it is the price users choose
        assertThat(outcome.writesBackMillis()).as("ms from the promotion to the first write served").isLessThan(5_000);
        assertThat(outcome.failedReads()).as("failed reads, of %d", outcome.reads()).isZero();
    }

    private Outcome failover(boolean synchronous) throws Exception {
        try {
            // the build's master commits without waiting for its own disk (synchronous_commit=off, for speed):
            // PostgreSQL's default, so that only replication decides what a crash loses
            Databases.control("set", "master", "synchronous_commit = on");
            if (synchronous) {
                Databases.control("sql", "grant pg_read_all_stats to dbchooser"); // to read pg_stat_replication's sync_state
                Databases.control("set", "master", "synchronous_standby_names = 'standby1'");
                Await.until("standby1 a synchronous standby", 10_000,
                        () -> BuildDatabases.isSynchronousStandby(Databases.masterPort(), "standby1"));
            }
            // the test before may have left the master judged down (its cluster was restarted under it):
            // until the monitor's next check, master-routed work is refused, as a client would see a 503
            Await.until("writes through the failover unit", 10_000, () -> {
                try {
                    return master.server().isMaster();
                } catch (MasterUnavailableException notYetJudgedBack) {
                    return false;
                }
            });
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicLong firstWriteAfterPromotion = new AtomicLong();
            long[] promoted = new long[1];
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Traffic.Call> reads = new ArrayList<>();
            try (Traffic readers = new Traffic(4, readOnly::server)) {
                List<Future<?>> running = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    running.add(writers.submit(() -> {
                        while (writing.get()) {
                            String name = "failover-" + UUID.randomUUID();
                            long start = System.nanoTime();
                            try {
                                master.insert(name);
                                acknowledged.add(name);
                                if (promoted[0] != 0 && start > promoted[0]) {
                                    firstWriteAfterPromotion.compareAndSet(0, System.nanoTime());
                                }
                            } catch (RuntimeException refusedOrCut) {
                                Thread.sleep(20); // a 503 to the client, who tries again
                            }
                        }
                        return null;
                    }));
                }
                Thread.sleep(2_000);
                Databases.control("crash", "master");
                Databases.control("promote", "standby1");
                promoted[0] = System.nanoTime();
                Await.until("a write served by the new primary", 10_000, () -> firstWriteAfterPromotion.get() != 0);
                Await.until("the promoted server judged no longer a standby", 5_000,
                        () -> "PROMOTED".equals(readiness.call().getData().orElseThrow().get("standby standby-a")));
                Thread.sleep(1_000);
                writing.set(false);
                for (Future<?> writer : running) {
                    writer.get(30, TimeUnit.SECONDS);
                }
                reads.addAll(readers.stop());
            } finally {
                writing.set(false);
                writers.shutdownNow();
            }
            int lost = 0;
            try (Connection primary = BuildDatabases.connect(Databases.standbyPort());
                    var query = primary.prepareStatement("select count(*) from item where name = ?")) {
                for (String name : acknowledged) {
                    query.setString(1, name);
                    try (ResultSet r = query.executeQuery()) {
                        r.next();
                        lost += r.getLong(1) == 1 ? 0 : 1;
                    }
                }
            }
            Outcome outcome = new Outcome(acknowledged.size(), lost, (firstWriteAfterPromotion.get() - promoted[0]) / 1_000_000,
                    reads.size(), (int) reads.stream().map(Traffic.Call::failure).filter(Objects::nonNull).count());
            System.out.printf("PromotionIT (%s replication): %s%n", synchronous ? "synchronous" : "asynchronous", outcome);
            return outcome;
        } finally {
            // a fresh master and standbys on the same ports, for the tests that follow
            Databases.control("start", String.valueOf(Databases.masterPort()), String.valueOf(Databases.standbyPort()),
                    String.valueOf(Databases.standby2Port()));
            Databases.ensureSchema();
        }
    }
}
