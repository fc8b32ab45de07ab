package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.inject.Inject;

import org.dbchooser.itests.databases.BuildDatabases;
import org.dbchooser.itests.databases.Server;
import org.dbchooser.itests.databases.StatementLog;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;

/**
 * Two standbys, each in a persistence unit of its own ({@code db_chooser.slave-unit=
 * standby-a,standby-b}), each judged on its own by the monitor: a standby that is late
 * or stopped takes itself out of rotation, and only itself.
 */
class EachStandbyOnItsOwnIT extends RoutedBeansTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.eachStandbyOnItsOwn();
    }

    @Inject
    @Readiness
    HealthCheck readiness;

    /**
     * The second standby replays 2 s late while the master writes; with max-lag 500 ms,
     * 20 readers for 30 s: the late standby's own statement log shows none of their reads,
     * and the standby that keeps up serves at least 95 % of them.
     */
    @Test
    void aStandbyBeyondMaxLagServesNoReadAndTheOtherServesThem() throws Exception {
        List<Traffic.Call> reads = new ArrayList<>();
        List<String> readsOnTheLateStandby = new ArrayList<>();
        try (Connection late = BuildDatabases.connect(Databases.standby2Port());
                Databases.Writes writes = Databases.writingOnTheMaster()) {
            Databases.applyDelay("standby2", Databases.standby2Port(), 2_000);
            Await.until("standby-b judged beyond max-lag", 10_000,
                    () -> String.valueOf(readiness.call().getData().orElseThrow().get("standby standby-b")).contains("serves no reads"));
            readsOnTheLateStandby.addAll(StatementLog.during("standby2", late, () -> {
                try (Traffic readers = new Traffic(20, readOnly::server)) {
                    Thread.sleep(30_000);
                    reads.addAll(readers.stop());
                }
            }).stream().map(StatementLog.Entry::sql).filter(Server.QUERY::equals).toList());
        } finally {
            Databases.applyDelay("standby2", Databases.standby2Port(), 0);
            Databases.waitForStandby(Databases.standby2Port());
        }
        assertThat(reads.stream().map(Traffic.Call::failure).filter(Objects::nonNull)).as("failed reads").isEmpty();
        Map<String, Long> servedBy = Traffic.servedBy(reads);
        System.out.printf("EachStandbyOnItsOwnIT: standby-b 2 s late, max-lag 500 ms, 20 readers for 30 s: %d reads, served by %s;"
                + " %d in the late standby's log%n", reads.size(), servedBy, readsOnTheLateStandby.size());
        assertThat(readsOnTheLateStandby).as("reads in the late standby's own statement log").isEmpty();
        assertThat(servedBy).doesNotContainKey("standby2 on port " + Databases.standby2Port());
        long onTheOther = servedBy.getOrDefault("standby on port " + Databases.standbyPort(), 0L);
        assertThat(100.0 * onTheOther / reads.size()).as("%% of reads served by the standby that keeps up").isGreaterThanOrEqualTo(95.0);
    }

    /**
     * One of two standbys stopped under 10 readers: no read fails, and within 5 s of the
     * stop every read is served by the other standby, none by the master.
     */
    @Test
    void oneOfTwoStandbysStoppedUnderLoadLeavesEveryReadToTheOther() throws Exception {
        Traffic.AroundAStop[] seen = new Traffic.AroundAStop[1];
        AgainstTwoStandbys.stoppingServers(() -> {
            Await.until("reads on both standbys", 10_000, () -> readOnly.server().isEitherStandby());
            seen[0] = Traffic.aroundAStop(10, readOnly::server, 2_000, () -> Databases.control("pause", "standby1"), 8_000);
        });
        assertThat(seen[0].failures()).as("failed reads, of %d", seen[0].calls().size()).isEmpty();
        Map<String, Long> before = seen[0].servedBefore();
        Map<String, Long> after = seen[0].servedFrom(5_000);
        System.out.printf("EachStandbyOnItsOwnIT: before the stop %s; from 5 s after it %s%n", before, after);
        assertThat(before).as("reads before the stop").containsKeys("standby on port " + Databases.standbyPort(),
                "standby2 on port " + Databases.standby2Port());
        assertThat(after).as("reads from 5 s after the stop").containsOnlyKeys("standby2 on port " + Databases.standby2Port());
    }
}
