package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;

/**
 * The seed's own topology: both standbys behind HAProxy (started by the build,
 * scripts/haproxy.sh: round robin, PostgreSQL check every 500 ms), one slave unit on
 * HAProxy's port. HAProxy hides which standby answered, so dbchooser judges the two as
 * one: what still holds, and what does not, as the README says.
 */
class BehindHAProxyIT extends RoutedBeansTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.behindHAProxy();
    }

    /** A standby stopped under 10 readers: no read fails, and from 5 s after the stop HAProxy sends every read to the other. */
    @Test
    void aStandbyStoppedBehindHAProxyCostsNoRead() throws Exception {
        Traffic.AroundAStop[] seen = new Traffic.AroundAStop[1];
        AgainstTwoStandbys.stoppingServers(() -> {
            Await.until("reads on the standbys", 10_000, () -> readOnly.server().isEitherStandby());
            seen[0] = Traffic.aroundAStop(10, readOnly::server, 2_000, () -> Databases.control("pause", "standby2"), 8_000);
        });
        assertThat(seen[0].failures()).as("failed reads, of %d", seen[0].calls().size()).isEmpty();
        Map<String, Long> after = seen[0].servedFrom(5_000);
        System.out.printf("BehindHAProxyIT: from 5 s after standby2 stopped: %s%n", after);
        assertThat(after).containsOnlyKeys("standby on port " + Databases.standbyPort());
    }

    /**
     * One standby replaying 2 s late, max-lag 500 ms, 20 readers for 10 s: the monitor
     * measures whichever standby its probe reached, so the reads split between the
     * standbys (the late one included) and the master, as the probe happens to meet one
     * or the other. Printed for the README; asserted only that no read fails. With a unit
     * per standby, the late one serves none (EachStandbyOnItsOwnIT).
     */
    @Test
    void aLateStandbyBehindHAProxyIsJudgedTogetherWithTheOther() throws Exception {
        List<Traffic.Call> reads = new ArrayList<>();
        try (Databases.Writes writes = Databases.writingOnTheMaster()) {
            Databases.applyDelay("standby2", Databases.standby2Port(), 2_000);
            Thread.sleep(1_000);
            try (Traffic readers = new Traffic(20, readOnly::server)) {
                Thread.sleep(10_000);
                reads.addAll(readers.stop());
            }
        } finally {
            Databases.applyDelay("standby2", Databases.standby2Port(), 0);
            Databases.waitForStandby(Databases.standby2Port());
        }
        assertThat(reads.stream().map(Traffic.Call::failure).filter(Objects::nonNull)).as("failed reads, of %d", reads.size()).isEmpty();
        Map<String, Long> servedBy = Traffic.servedBy(reads);
        System.out.printf("BehindHAProxyIT: standby2 2 s late behind HAProxy, max-lag 500 ms, 20 readers for 10 s: %d reads, %s%n",
                reads.size(), servedBy.entrySet().stream().map(e -> e.getKey() + ": " + String.format("%.1f %%", 100.0 * e.getValue() / reads.size()))
                        .collect(Collectors.joining(", ")));
    }
}
