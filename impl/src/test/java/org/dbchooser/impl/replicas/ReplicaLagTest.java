package org.dbchooser.impl.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How the monitor turns what the servers report into a lag. */
public class ReplicaLagTest {

    @Test
    void aSlaveThatReplayedEverythingTheMasterWroteIsNotBehindHoweverOldItsLastTransaction() {
        // the idle-master pitfall: nothing written for an hour, the last replayed transaction is an hour old
        assertThat(ReplicaMonitor.lag(true, 5_000L, 5_000L, 3_600_000L, 5_000L, null)).isEqualTo(Duration.ZERO);
        assertThat(ReplicaMonitor.lag(true, 5_001L, 5_001L, 3_600_000L, 5_000L, null)).isEqualTo(Duration.ZERO);
    }

    @Test
    void aSlaveBehindTheMasterLagsByTheAgeOfItsLastReplayedTransaction() {
        assertThat(ReplicaMonitor.lag(true, 4_000L, 4_000L, 750L, 5_000L, null)).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void withoutTheMastersPositionASlaveThatReplayedAllItReceivedIsNotBehind() {
        assertThat(ReplicaMonitor.lag(true, 4_000L, 4_000L, 90_000L, null, null)).isEqualTo(Duration.ZERO);
    }

    @Test
    void withoutTheMastersPositionASlaveStillReplayingLagsByTheAge() {
        assertThat(ReplicaMonitor.lag(true, 4_000L, 4_500L, 120L, null, null)).isEqualTo(Duration.ofMillis(120));
    }

    @Test
    void walWithoutACommitWrittenByAnIdleMasterIsNotTakenForTheWholeIdleTime() {
        // idle for an hour, then a checkpoint: the master is 600 bytes ahead for a moment, and the
        // last check that saw it where the slave is was 100 ms ago
        assertThat(ReplicaMonitor.lag(true, 5_000L, 5_600L, 3_600_000L, 5_600L, Duration.ofMillis(100)))
                .isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aSlaveReallyBehindLagsByTheSmallerOfItsTwoBounds() {
        // replaying one second late while the master writes: the last transaction replayed is
        // 1 s old, and the master was last seen at the replay position 1.2 s ago
        assertThat(ReplicaMonitor.lag(true, 4_000L, 5_000L, 1_000L, 5_000L, Duration.ofMillis(1_200)))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(ReplicaMonitor.lag(true, 4_000L, 5_000L, 2_000L, 5_000L, Duration.ofMillis(1_200)))
                .isEqualTo(Duration.ofMillis(1_200));
    }

    @Test
    void theMastersHistoryTellsHowLongAgoItWasWhereTheSlaveIs() {
        WalHistory history = new WalHistory(3);
        assertThat(history.nanosSinceAtOrBelow(100, 1_000)).as("nothing seen yet").isEqualTo(-1);
        history.record(100, 1_000);
        history.record(200, 2_000);
        history.record(300, 3_000);
        assertThat(history.nanosSinceAtOrBelow(250, 3_500)).isEqualTo(1_500);
        assertThat(history.nanosSinceAtOrBelow(300, 3_500)).isEqualTo(500);
        assertThat(history.nanosSinceAtOrBelow(99, 3_500)).as("never seen that low").isEqualTo(-1);
        history.record(400, 4_000); // the oldest, 100 at 1000, is forgotten
        assertThat(history.nanosSinceAtOrBelow(150, 4_500)).isEqualTo(-1);
        assertThat(history.nanosSinceAtOrBelow(200, 4_500)).isEqualTo(2_500);
    }

    @Test
    void aSlaveThatReplayedNothingYetIsBehindWithoutBound() {
        assertThat(ReplicaMonitor.lag(true, null, null, null, 5_000L, null)).isGreaterThan(Duration.ofDays(1000));
    }

    @Test
    void aServerThatIsNotInRecoveryIsNeverBehind() {
        assertThat(ReplicaMonitor.lag(false, null, null, null, 5_000L, null)).isEqualTo(Duration.ZERO);
    }

    @Test
    void clockSkewDoesNotMakeANegativeLag() {
        assertThat(ReplicaMonitor.lag(true, 4_000L, 4_000L, -30L, 5_000L, null)).isEqualTo(Duration.ZERO);
    }
}
