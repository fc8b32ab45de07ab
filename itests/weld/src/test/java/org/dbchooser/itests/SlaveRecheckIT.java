package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * How often a slave that does not answer is asked again: every second interval, not
 * every interval, and reads go back to it as soon as it answers. The slave unit reaches
 * the first standby through a {@link Gate} that counts the connections it turns away;
 * the test makes no read meanwhile, so every one of them is a check of the monitor's.
 */
class SlaveRecheckIT extends RoutedBeansTest {

    /** db_chooser.health-interval in slave-recheck/microprofile-config.properties. */
    private static final long INTERVAL_NANOS = 250_000_000L;

    /** Open before the deployment opens the slave unit, which connects through it. */
    private static final Gate GATE = openGate();

    private static Gate openGate() {
        try {
            return new Gate(Integer.parseInt(System.getProperty("pg.gate.port")), Databases.standbyPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Deployment
    static JavaArchive deployment() {
        return Deployments.slaveRecheck();
    }

    @AfterAll
    static void closeGate() {
        GATE.close();
    }

    @Test
    void aSlaveThatDoesNotAnswerIsAskedAgainEverySecondIntervalAndUsedAgainOnceItAnswers() throws Exception {
        Await.until("reads on the standby", 5_000, () -> readOnly.server().isStandby());
        GATE.shut();
        Thread.sleep(3_000);
        List<List<Long>> checks = checks(GATE.turnedAway());
        GATE.open();

        System.out.printf("SlaveRecheckIT: %d checks while shut, connections per check %s, ms between them %s%n", checks.size(),
                checks.stream().map(List::size).toList(),
                java.util.stream.IntStream.range(1, checks.size()).mapToObj(i -> (checks.get(i).get(0) - checks.get(i - 1).get(0)) / 1_000_000).toList());
        // 3 s at one check every 500 ms, less what a busy machine delays; every 250 ms would be 12
        assertThat(checks).as("checks while the gate was shut").hasSizeBetween(3, 7);
        assertThat(checks).as("connections a check tries (the first, then twice again)").allMatch(check -> check.size() <= 3);
        for (int i = 1; i < checks.size(); i++) {
            long gap = checks.get(i).get(0) - checks.get(i - 1).get(0);
            assertThat(gap).as("nanoseconds between checks %d and %d", i - 1, i).isGreaterThanOrEqualTo(2 * INTERVAL_NANOS - 10_000_000L);
        }
        // the next check comes within two intervals of the opening; a second more for a busy machine
        Await.until("reads on the standby again", 2 * INTERVAL_NANOS / 1_000_000 + 1_000, () -> readOnly.server().isStandby());
    }

    /** The connections turned away, grouped by check: those less than 100 ms after the one before belong to its check. */
    private static List<List<Long>> checks(List<Long> turnedAway) {
        List<List<Long>> checks = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        for (long at : turnedAway) {
            if (checks.isEmpty() || at - previous >= 100_000_000L) {
                checks.add(new ArrayList<>());
            }
            checks.get(checks.size() - 1).add(at);
            previous = at;
        }
        return checks;
    }
}
