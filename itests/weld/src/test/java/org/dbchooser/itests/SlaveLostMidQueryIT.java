package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dbchooser.itests.databases.BuildDatabases;
import org.dbchooser.itests.databases.Server;
import org.junit.jupiter.api.Test;

/**
 * A read whose standby crashes while the query runs is run again on the master, and
 * the caller gets the master's answer, not the driver's error. The crash is timed by
 * the standby itself: it happens once the standby's own {@code pg_stat_activity} shows
 * the query running. The monitor is quiet, so only the read can find the loss.
 */
class SlaveLostMidQueryIT extends AgainstAQuietMonitor {

    /** How long the read holds its standby; the text of its query (pg_sleep(1.5)) is how the standby's activity shows it. */
    private static final double SECONDS = 1.5;

    @Test
    void aReadWhoseStandbyCrashesWhileItRunsIsRunAgainOnTheMaster() throws Exception {
        assertThat(readOnly.server().isEitherStandby()).as("reads start on a standby").isTrue();
        ExecutorService request = Executors.newSingleThreadExecutor();
        try {
            AgainstTwoStandbys.stoppingServers(() -> {
                Future<Server> read = request.submit(() -> readOnly.serverAfter(SECONDS));
                String running = standbyRunningTheRead();
                Databases.control("crash", running);
                Server server = read.get(30, TimeUnit.SECONDS);
                assertThat(server.isMaster()).as("the read that lost %s mid-query was answered by %s", running, server).isTrue();
            });
        } finally {
            request.shutdownNow();
        }
    }

    /** Waits (10 s at most) until one of the standbys reports the read as running, and names it. */
    private static String standbyRunningTheRead() throws Exception {
        long start = System.nanoTime();
        while (true) {
            if (runs(Databases.standbyPort())) {
                return "standby1";
            }
            if (runs(Databases.standby2Port())) {
                return "standby2";
            }
            assertThat(System.nanoTime() - start).as("a standby runs the read within 10 s").isLessThan(10_000_000_000L);
            Thread.sleep(10);
        }
    }

    private static boolean runs(int port) throws SQLException {
        try (Connection c = BuildDatabases.connect(port); var s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from pg_stat_activity where state = 'active'"
                        + " and query like '%from pg_sleep(" + SECONDS + ")%' and pid <> pg_backend_pid()")) {
            r.next();
            return r.getLong(1) > 0;
        }
    }
}
