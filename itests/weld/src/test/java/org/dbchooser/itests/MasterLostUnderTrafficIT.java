package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.dbchooser.MasterUnavailableException;
import org.junit.jupiter.api.Test;

/**
 * The master crashes under master-routed traffic while the monitor is quiet (it checks
 * again in an hour): the calls that meet the lost master answer DBCHOOSER-310, never the
 * driver's error, and the first of them tells the monitor, so every call that begins
 * after it fails at once without trying the master. Readers beside them go on.
 */
class MasterLostUnderTrafficIT extends AgainstAQuietMonitor {

    private static final String MET = "DBCHOOSER-310: the master could not be reached during ";
    private static final String NOT_TRIED = "DBCHOOSER-310: the master cannot be reached, so master-routed work was not tried";

    @Test
    void theFirstCallThatFindsTheMasterLostTellsTheMonitorAndTheRestFailAtOnce() throws Exception {
        List<Traffic.Call> masterCalls = new ArrayList<>();
        List<Traffic.Call> reads = new ArrayList<>();
        long[] crashing = new long[1];
        try (Traffic writers = new Traffic(3, master::server); Traffic readers = new Traffic(3, readOnly::server)) {
            AgainstTwoStandbys.stoppingServers(() -> {
                // the first calls open the pools' connections (well over 100 ms on 2 busy cores): crash after them
                Await.until("30 master calls served", 10_000,
                        () -> writers.calls().stream().filter(call -> call.failure() == null).count() >= 30);
                crashing[0] = System.nanoTime();
                Databases.control("crash", "master");
                Thread.sleep(2_000);
                masterCalls.addAll(writers.stop());
                reads.addAll(readers.stop());
            });
        }
        assertThat(masterCalls.stream().filter(call -> call.end() < crashing[0]))
                .as("master calls before the crash").isNotEmpty().allMatch(call -> call.server() != null && call.server().isMaster());
        List<Traffic.Call> failed = masterCalls.stream().filter(call -> call.failure() != null)
                .sorted(Comparator.comparingLong(Traffic.Call::end)).toList();
        assertThat(failed).as("master calls that failed").isNotEmpty();
        assertThat(failed).extracting(Traffic.Call::failure).as("every failure is dbchooser's, not the driver's")
                .allMatch(failure -> failure instanceof MasterUnavailableException);
        // the calls in flight at the crash meet it themselves; the first of them to end had told the monitor by then (a
        // call that began a moment before that end may already have been refused: it ends first, and is not the one)
        Traffic.Call told = failed.stream().filter(call -> call.failure().getMessage().startsWith(MET)).findFirst()
                .orElseThrow(() -> new AssertionError("no call met the lost master itself: " + failed.get(0).failure()));
        List<Traffic.Call> after = masterCalls.stream().filter(call -> call.start() > told.end()).toList();
        assertThat(after).as("master calls that began after the first to meet the lost master ended").hasSizeGreaterThan(100);
        for (Traffic.Call call : after) {
            assertThat(call.failure()).as("a call after the first to meet the lost master").hasMessageStartingWith(NOT_TRIED);
            // each call, not an average; a connection attempt would take its 2 s timeout
            assertThat(call.nanos()).as("nanoseconds for a refused call").isLessThan(100_000_000L);
        }
        assertThat(reads.stream().map(Traffic.Call::failure).filter(Objects::nonNull))
                .as("reads that failed, of %d", reads.size()).isEmpty();
        assertThat(reads).as("reads served").isNotEmpty().allMatch(read -> read.server().isEitherStandby());
    }
}
