package org.dbchooser.impl.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which standbys serve reads, each judged on its own, from what the monitor last saw of them. */
class StandbyJudgementTest {

    /**
     * Each standby as {@code up:lagMillis}, {@code down} or {@code promoted}, separated by
     * spaces; max-lag in ms (-1: none); fallback; the standbys that serve, by number.
     */
    @ParameterizedTest(name = "{0}, max-lag {1} ms, fallback {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "up:0 up:0             | -1   | true  | 0 1",
            "up:0 up:2000          | 500  | true  | 0",
            "up:2000 up:0          | 500  | true  | 1",
            "up:2000 up:0          | -1   | true  | 0 1",
            "up:500 up:501         | 500  | true  | 0",
            "down up:0             | 500  | true  | 1",
            "promoted up:100       | 500  | true  | 1",
            "down down             | 500  | true  | ''",
            "up:2000 up:3000       | 500  | true  | ''",
            "down up:3000          | 500  | false | 0 1",
            "up:0 down             | 500  | false | 0",
            "up:0                  | -1   | true  | 0",
            "down                  | -1   | true  | ''",
            "down                  | -1   | false | 0",
    })
    void eachStandbyIsJudgedOnItsOwn(String standbys, long maxLagMillis, boolean fallback, String serving) {
        List<ReplicaMonitor.Standby> seen = new ArrayList<>();
        for (String standby : standbys.trim().split("\\s+")) {
            seen.add(switch (standby) {
                case "down" -> new ReplicaMonitor.Standby("s" + seen.size(), false, false, null, -1);
                case "promoted" -> new ReplicaMonitor.Standby("s" + seen.size(), false, true, null, 5);
                default -> new ReplicaMonitor.Standby("s" + seen.size(), true, false,
                        Duration.ofMillis(Long.parseLong(standby.substring(3))), 5);
            });
        }
        Duration maxLag = maxLagMillis < 0 ? null : Duration.ofMillis(maxLagMillis);

        int[] judged = ReplicaMonitor.serving(seen, maxLag, fallback);

        int[] expected = serving.isBlank() ? new int[0]
                : java.util.Arrays.stream(serving.trim().split(" ")).mapToInt(Integer::parseInt).toArray();
        assertThat(judged).containsExactly(expected);
    }
}
