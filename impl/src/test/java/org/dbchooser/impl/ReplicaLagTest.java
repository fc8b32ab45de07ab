package org.dbchooser.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How the monitor turns what the servers report into a lag. */
class ReplicaLagTest {

    @Test
    void aSlaveThatReplayedEverythingTheMasterWroteIsNotBehindHoweverOldItsLastTransaction() {
        // the idle-master pitfall: nothing written for an hour, the last replayed transaction is an hour old
        assertThat(ReplicaMonitor.lag(true, 5_000L, 5_000L, 3_600_000L, 5_000L)).isEqualTo(Duration.ZERO);
        assertThat(ReplicaMonitor.lag(true, 5_001L, 5_001L, 3_600_000L, 5_000L)).isEqualTo(Duration.ZERO);
    }

    @Test
    void aSlaveBehindTheMasterLagsByTheAgeOfItsLastReplayedTransaction() {
        assertThat(ReplicaMonitor.lag(true, 4_000L, 4_000L, 750L, 5_000L)).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void withoutTheMastersPositionASlaveThatReplayedAllItReceivedIsNotBehind() {
        assertThat(ReplicaMonitor.lag(true, 4_000L, 4_000L, 90_000L, null)).isEqualTo(Duration.ZERO);
    }

    @Test
    void withoutTheMastersPositionASlaveStillReplayingLagsByTheAge() {
        assertThat(ReplicaMonitor.lag(true, 4_000L, 4_500L, 120L, null)).isEqualTo(Duration.ofMillis(120));
    }

    @Test
    void aSlaveThatReplayedNothingYetIsBehindWithoutBound() {
        assertThat(ReplicaMonitor.lag(true, null, null, null, 5_000L)).isGreaterThan(Duration.ofDays(1000));
    }

    @Test
    void aServerThatIsNotInRecoveryIsNeverBehind() {
        assertThat(ReplicaMonitor.lag(false, null, null, null, 5_000L)).isEqualTo(Duration.ZERO);
    }

    @Test
    void clockSkewDoesNotMakeANegativeLag() {
        assertThat(ReplicaMonitor.lag(true, 4_000L, 4_000L, -30L, 5_000L)).isEqualTo(Duration.ZERO);
    }
}
