package org.dbchooser.itests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.dbchooser.itests.databases.BuildDatabases;
import org.dbchooser.itests.reliability.Catalogue.Answer;
import org.junit.jupiter.api.Test;

/**
 * The example application on a server (WildFly here; Payara Micro 6 and 7 run this test too,
 * from itests/payara) under a steady load of reads and writes while
 * the standby stops and comes back, then the master crashes and comes back. What the
 * clients saw is counted phase by phase; every write the application acknowledged is
 * then looked for on the master and on the standby; and no log line or answer holds
 * the application's database password.
 */
class FaultsUnderLoadIT extends OnServer {

    private static final int READERS = 3;
    private static final int WRITERS = 2;

    enum Phase { HEALTHY, STANDBY_DOWN, STANDBY_BACK, MASTER_DOWN, MASTER_BACK }

    enum Kind { READ, WRITE, PROBE }

    /** One request: when it was sent and answered (ms since the load started), its phase, its answer. */
    record Outcome(long at, long done, Phase phase, Kind kind, Answer answer) {

        boolean served() {
            return answer.status() >= 200 && answer.status() < 300;
        }
    }

    private volatile Phase phase = Phase.HEALTHY;
    private volatile long started;

    @Test
    void readsAndAcknowledgedWritesSurviveAStandbyStopAndAMasterCrash() throws Exception {
        Catalogue app = app();
        // an acknowledged commit must survive a crash: the build's servers trade that away for speed
        BuildDatabases.control("set", "master", "synchronous_commit = on");
        Answer seed = app.send("POST", "layers", Catalogue.layer("faults seed"));
        assertThat(seed.status()).as(seed.body()).isEqualTo(201);
        long seedId = Catalogue.id(seed);
        Databases.waitForStandby();

        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        long[] phaseStarts = new long[Phase.values().length];
        started = System.currentTimeMillis();
        try (Load load = new Load()) {
            load.start(READERS + WRITERS + 1, thread -> {
                Phase sentIn = phase;
                long at = System.currentTimeMillis() - started;
                if (thread < READERS) {
                    outcomes.add(answered(at, sentIn, Kind.READ, app.send("GET", "layers/" + seedId, null)));
                } else if (thread < READERS + WRITERS) {
                    Answer answer = app.send("POST", "layers", Catalogue.layer("fault-" + thread + "-"
                            + ThreadLocalRandom.current().nextInt(1_000_000_000)));
                    if (answer.is(201)) {
                        acknowledged.add(Catalogue.id(answer));
                    }
                    outcomes.add(answered(at, sentIn, Kind.WRITE, answer));
                } else {
                    outcomes.add(answered(at, sentIn, Kind.PROBE, app.send("POST", "printproxy/report", null)));
                    pause(50);
                }
            });
            phaseStarts[Phase.STANDBY_DOWN.ordinal()] = enter(Phase.STANDBY_DOWN, 4_000, "pause", "standby1");
            phaseStarts[Phase.STANDBY_BACK.ordinal()] = enter(Phase.STANDBY_BACK, 8_000, "resume", "standby1");
            phaseStarts[Phase.MASTER_DOWN.ordinal()] = enter(Phase.MASTER_DOWN, 6_000, "crash", "master");
            phaseStarts[Phase.MASTER_BACK.ordinal()] = enter(Phase.MASTER_BACK, 8_000, "resume", "master");
            // (a server is down from the moment its stop begins until its start has finished)
            Thread.sleep(8_000);
            load.stop();
        } finally {
            BuildDatabases.control("resume", "standby1");
            BuildDatabases.control("resume", "master");
        }

        List<Outcome> all = new ArrayList<>(outcomes);
        report(all, phaseStarts, acknowledged.size());

        // reads never failed: the master took them while the standby was away, the standby while the master was
        assertThat(all).filteredOn(o -> o.kind() == Kind.READ && !o.served()).as("failed reads").isEmpty();
        assertThat(all).filteredOn(o -> o.kind() == Kind.PROBE && !o.served()).as("failed print reports").isEmpty();
        assertThat(all).filteredOn(o -> o.kind() == Kind.PROBE && o.phase() == Phase.STANDBY_DOWN)
                .as("print reports while the standby was stopped").isNotEmpty()
                .allSatisfy(o -> assertThat(Catalogue.servedBy(o.answer())).isIn("master", "slave"))
                .anySatisfy(o -> assertThat(Catalogue.servedBy(o.answer())).isEqualTo("master"));
        assertThat(all).filteredOn(o -> o.kind() == Kind.PROBE && o.phase() == Phase.MASTER_DOWN)
                .as("print reports while the master was down").isNotEmpty()
                .allSatisfy(o -> assertThat(Catalogue.servedBy(o.answer())).isEqualTo("slave"));

        // writes failed only while the master was down or not yet known to be back, or were in flight when
        // it crashed (sent before, answered after), and then with a 503 that says why; of those sent while
        // it was down, the few a writer had in flight at the crash may fail otherwise
        long writesBack = all.stream().filter(o -> o.kind() == Kind.WRITE && o.phase() == Phase.MASTER_BACK && o.served())
                .mapToLong(Outcome::done).min().orElse(Long.MAX_VALUE);
        long crash = phaseStarts[Phase.MASTER_DOWN.ordinal()];
        Predicate<Outcome> inFlightAtTheCrash = o -> o.at() < crash && o.done() >= crash && o.answer().is(503);
        Predicate<Outcome> beforeKnownBack = o -> o.phase() == Phase.MASTER_BACK && o.at() <= writesBack && o.answer().is(503);
        assertThat(all).filteredOn(o -> o.kind() == Kind.WRITE && !o.served() && o.phase() != Phase.MASTER_DOWN
                && !inFlightAtTheCrash.test(o) && !beforeKnownBack.test(o))
                .as("writes that failed while the master was up (once it was known to be back)").isEmpty();
        List<Outcome> refused = all.stream().filter(o -> o.kind() == Kind.WRITE && o.phase() == Phase.MASTER_DOWN
                && !o.served()).toList();
        assertThat(refused).as("writes refused while the master was down").isNotEmpty();
        assertThat(refused).filteredOn(o -> !(o.answer().is(503) && o.answer().body().startsWith("DBCHOOSER-310: ")))
                .as("writes that failed otherwise than with DBCHOOSER-310").hasSizeLessThanOrEqualTo(WRITERS);

        // service came back, within 5 s of each server's restart, in the phase after it
        assertThat(firstAfter(all, phaseStarts[Phase.STANDBY_BACK.ordinal()], o -> o.kind() == Kind.PROBE
                && o.phase() == Phase.STANDBY_BACK && Catalogue.servedBy(o.answer()).equals("slave")))
                .as("ms until a read on the standby again after its return").isBetween(0L, 5_000L);
        assertThat(firstAfter(all, phaseStarts[Phase.MASTER_BACK.ordinal()], o -> o.kind() == Kind.WRITE
                && o.phase() == Phase.MASTER_BACK && o.served()))
                .as("ms until a write served again after the master's return").isBetween(0L, 5_000L);

        // nothing acknowledged was lost, on either server
        String ids = acknowledged.stream().map(String::valueOf).collect(Collectors.joining(","));
        try (Connection master = Databases.master()) {
            assertThat(Databases.count(master, "select count(*) from layer where id in (" + ids + ")"))
                    .as("acknowledged writes found on the master").isEqualTo(acknowledged.size());
        }
        Databases.waitForStandby();
        try (Connection standby = Databases.standby()) {
            assertThat(Databases.count(standby, "select count(*) from layer where id in (" + ids + ")"))
                    .as("acknowledged writes found on the standby").isEqualTo(acknowledged.size());
        }

        // the failures were explained without giving the credentials away
        String password = System.getProperty("reliability.db.password");
        String serverLog = Files.readString(Path.of(System.getProperty("server.log")), StandardCharsets.UTF_8);
        assertThat(serverLog).as("the server's log").doesNotContain(password).doesNotContainIgnoringCase("password=");
        assertThat(all).filteredOn(o -> !o.served()).extracting(o -> o.answer().body())
                .allSatisfy(body -> assertThat(body).doesNotContain(password).doesNotContainIgnoringCase("password="));
    }

    /**
     * Waits DELAY ms, then stops or starts a server with pg-replica.sh. A server is down
     * from the moment its stop begins until its start has finished, so a stop begins
     * the next phase and a start ends the current one. Returns when the phase began.
     */
    private long enter(Phase next, long delay, String action, String server) throws Exception {
        Thread.sleep(delay);
        boolean stopping = !action.equals("resume");
        if (stopping) {
            phase = next;
        }
        long begun = System.currentTimeMillis() - started;
        BuildDatabases.control(action, server);
        if (!stopping) {
            phase = next;
            begun = System.currentTimeMillis() - started;
        }
        return begun;
    }

    /** A request sent AT ms after the load started, answered now. */
    private Outcome answered(long at, Phase phase, Kind kind, Answer answer) {
        return new Outcome(at, System.currentTimeMillis() - started, phase, kind, answer);
    }

    /** Milliseconds from FROM to the first request sent after it that satisfies WHICH, or -1. */
    private static long firstAfter(List<Outcome> outcomes, long from, Predicate<Outcome> which) {
        return outcomes.stream().filter(o -> o.at() >= from && which.test(o)).mapToLong(o -> o.at() - from).min().orElse(-1);
    }

    private static void report(List<Outcome> all, long[] phaseStarts, int acknowledged) {
        StringBuilder table = new StringBuilder("faults under load (" + READERS + " readers, " + WRITERS
                + " writers, 1 print-report prober):\n");
        for (Phase p : Phase.values()) {
            Map<String, Long> counts = new TreeMap<>();
            for (Outcome o : all) {
                if (o.phase() == p) {
                    String key = o.kind() + (o.served() ? " served" : " failed " + o.answer().status());
                    if (o.kind() == Kind.PROBE && o.served()) {
                        key = "PROBE on " + Catalogue.servedBy(o.answer());
                    }
                    counts.merge(key, 1L, Long::sum);
                }
            }
            table.append(String.format("  %-12s from %6d ms: %s%n", p, phaseStarts[p.ordinal()], counts));
        }
        table.append(String.format("  standby serving again %d ms after its restart; writes served again %d ms after the"
                + " master's restart; %d writes acknowledged%n",
                firstAfter(all, phaseStarts[Phase.STANDBY_BACK.ordinal()], o -> o.kind() == Kind.PROBE && o.served()
                        && Catalogue.servedBy(o.answer()).equals("slave")),
                firstAfter(all, phaseStarts[Phase.MASTER_BACK.ordinal()], o -> o.kind() == Kind.WRITE && o.served()),
                acknowledged));
        all.stream().filter(o -> !o.served()).map(o -> o.kind() + " " + o.phase() + ": " + o.answer().status() + " "
                + o.answer().body().lines().findFirst().orElse("")).distinct().limit(10)
                .forEach(line -> table.append("  e.g. ").append(line).append('\n'));
        System.out.print(table);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
