package org.dbchooser.itests.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.dbchooser.itests.databases.BuildDatabases;

/**
 * The scenario every platform's test runs for two standbys, each in a unit of its own:
 * reads spread over both; with the second stopped, no read fails, and from 5 s after the
 * stop every read is on the first.
 */
public final class TwoStandbys {

    private TwoStandbys() {
    }

    /** One GET of the application's on PATH: its status, and the server that answered. */
    public interface Get {
        Served get(String path) throws Exception;
    }

    public record Served(int status, String body, String servedBy) {
    }

    /** 40 reads through GET, served by both standbys and only by them. */
    public static void readsOnBoth(Get get) throws Exception {
        List<String> servedBy = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            servedBy.add(get.get("/anything/" + i).servedBy());
        }
        assertThat(servedBy).as("who served 40 reads").containsOnly(Servers.standby(), Servers.standby2())
                .contains(Servers.standby(), Servers.standby2());
    }

    /** Runs the scenario through GET; the second standby is back and replicating at the end. */
    public static void readsOnBothAndOneStoppedCostsNoRead(Get get) throws Exception {
        readsOnBoth(get);
        List<String> afterTheWindow = new ArrayList<>();
        try {
            BuildDatabases.control("pause", "standby2");
            long stopped = System.nanoTime();
            for (int i = 0; System.nanoTime() - stopped < 7_000_000_000L; i++) {
                long start = System.nanoTime();
                Served read = get.get("/anything/during-" + i);
                assertThat(read.status()).as("read %d with standby2 stopped: %s", i, read.body()).isEqualTo(200);
                if (start - stopped > 5_000_000_000L) {
                    afterTheWindow.add(read.servedBy());
                }
                Thread.sleep(20);
            }
        } finally {
            BuildDatabases.control("resume", "standby2");
            Servers.waitForStandby2();
        }
        assertThat(afterTheWindow).as("who served the reads from 5 s after the stop").isNotEmpty()
                .containsOnly(Servers.standby());
    }
}
