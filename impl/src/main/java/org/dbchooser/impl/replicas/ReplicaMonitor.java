package org.dbchooser.impl.replicas;

import org.dbchooser.impl.Messages;
import org.dbchooser.impl.config.DbChooserConfig;
import org.dbchooser.impl.jpa.ConnectionFailures;
import org.dbchooser.impl.jpa.ReplicaStatus;
import org.dbchooser.impl.jpa.RouteUnits;
import org.dbchooser.impl.routing.RouteHealth;
import org.dbchooser.impl.routing.RouteStatistics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import jakarta.persistence.EntityManagerFactory;

import org.dbchooser.impl.config.DeploymentState;

/**
 * Watches the master and each standby ({@code db_chooser.slave-unit} lists their units)
 * in chains of checks of their own (so that a slow server does not delay another's
 * check), on the server's managed scheduled executor or, in plain CDI, on two threads
 * of its own ({@link CheckScheduler}), so that requests only read flags
 * ({@link RouteHealth}). Every {@code db_chooser.health-interval} it asks the master
 * for its WAL position and each standby for its replay position and the age of the
 * last transaction it replayed; a server that does not answer is checked again with
 * backoff (twice the interval), so a standby that comes back is used again within
 * seconds. Each standby is judged on its own: one that is down, behind
 * {@code db_chooser.max-lag}, or no longer in recovery (promoted) serves no reads, and
 * the others go on serving them.
 *
 * <p>Lag: a slave that has replayed everything the master had written is not behind,
 * however old its last replayed transaction (an idle master writes nothing: the age
 * alone would grow without bound); when the master is down, the same holds for
 * everything the slave has received. Otherwise the slave's data is at most as old as
 * the last transaction it replayed, and at most as old as the last check that saw the
 * master at or below its replay position ({@link WalHistory}): the lag is the smaller
 * of the two, so that WAL without a commit, written by an idle master a moment before
 * the slave replays it, is not taken for the whole idle time.
 */
@ApplicationScoped
public class ReplicaMonitor implements ReplicaStatus {

    private static final Logger LOG = Logger.getLogger(ReplicaMonitor.class.getName());

    private static final String MASTER_PROBE = "select pg_current_wal_lsn() - '0/0'::pg_lsn, pg_current_wal_insert_lsn() - '0/0'::pg_lsn";
    private static final String SLAVE_PROBE = "select pg_is_in_recovery(), pg_last_wal_replay_lsn() - '0/0'::pg_lsn,"
            + " pg_last_wal_receive_lsn() - '0/0'::pg_lsn,"
            + " extract(epoch from (clock_timestamp() - pg_last_xact_replay_timestamp())) * 1000";

    /** A slave that has replayed nothing yet is behind by an unknown, so unbounded, amount. */
    private static final Duration NEVER_REPLAYED = Duration.ofDays(365_000);

    /**
     * What the last checks saw, taken together: the master up, any standby up, the
     * smallest lag of those up (null when none is) and the furthest replay position of
     * those up (-1: unknown).
     */
    public record Snapshot(boolean masterUp, boolean slaveUp, Duration lag, long replayLsn) {
    }

    /**
     * What the last check of one standby saw: whether it answered as a standby, whether
     * it answered as a primary instead (promoted), its lag (null unless up) and the WAL
     * position it had replayed (-1: unknown).
     */
    public record Standby(String unit, boolean up, boolean promoted, Duration lag, long replayLsn) {
    }

    private final RouteUnits units;
    private final RouteHealth health;
    private final DbChooserConfig config;
    private CheckScheduler scheduler;
    private volatile boolean masterAnswered = true;
    private final AtomicReferenceArray<Standby> standbys;
    /** The master's WAL position at its last check, for the standbys' lag; null when it did not answer. */
    private volatile Long masterLsn;
    private final AtomicBoolean slaveChecksStarted = new AtomicBoolean();
    /** The servers (master, or a standby's unit) whose pool was found handing out dead connections, until a check succeeds. */
    private final Set<String> deadPoolReported = ConcurrentHashMap.newKeySet();
    private final AtomicLong knownMasterPosition = new AtomicLong(-1);
    /** The master's positions at its recent checks (a minute's worth at the default interval). */
    private final WalHistory masterPositions = new WalHistory(64);
    private final RouteStatistics statistics;

    @Inject
    ReplicaMonitor(RouteUnits units, DeploymentState state) {
        this.units = units;
        this.health = state.health();
        this.config = state.config();
        this.statistics = state.statistics();
        List<String> names = config.slaveUnits();
        this.standbys = new AtomicReferenceArray<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            standbys.set(i, new Standby(names.get(i), true, false, Duration.ZERO, -1));
        }
    }

    /** For the container's proxy, which only forwards calls. */
    ReplicaMonitor() {
        this.units = null;
        this.health = null;
        this.config = null;
        this.statistics = null;
        this.standbys = null;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        start();
    }

    /**
     * Starts the checks once, whatever fires the application's start more than once.
     * Public for a container whose application context starts before its data sources
     * (Quarkus: dbchooser's extension starts the checks on Quarkus's own start event).
     */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = CheckScheduler.start();
        LOG.fine(() -> "dbchooser: replica monitor started, on "
                + (scheduler.managed() ? "the server's managed scheduled executor" : "threads of its own"));
        scheduler.schedule(this::checkMaster, 0);
        scheduler.schedule(this::startSlaveChecks, Math.max(config.healthInterval().toMillis(), 1_000));
    }

    /**
     * The standbys' checks start once the master has answered (or failed to) for the
     * first time, or after one interval (at least a second) if it is slow to: without the
     * master's position a check cannot tell a caught-up standby from a late one, and a
     * standby that has just restarted and is not streaming yet knows no receive position
     * either, so it looked as late as its last replayed transaction, and the first
     * requests after deployment read from the master. Nothing waits on a thread: a
     * server's managed executor may have few.
     */
    private void startSlaveChecks() {
        if (slaveChecksStarted.compareAndSet(false, true)) {
            for (int i = 0; i < standbys.length(); i++) {
                int standby = i;
                scheduler.schedule(() -> checkStandby(standby), 0);
            }
        }
    }

    /**
     * Stops the checks before the application's beans are destroyed: before the
     * persistence units close under a check (in plain CDI, dbchooser closes them), and
     * before the application goes, so that nothing of it runs on.
     */
    synchronized void stopBeforeTheApplication(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
        stop();
    }

    @PreDestroy
    synchronized void stop() {
        if (scheduler != null && !scheduler.stopped()) {
            scheduler.stop(2_000);
        }
    }

    /** The last checks taken together, for readiness and metrics. */
    public Snapshot last() {
        boolean anyUp = false;
        Duration smallestLag = null;
        long furthest = -1;
        for (int i = 0; i < standbys.length(); i++) {
            Standby standby = standbys.get(i);
            if (standby.up()) {
                anyUp = true;
                smallestLag = smallestLag == null || standby.lag().compareTo(smallestLag) < 0 ? standby.lag() : smallestLag;
                furthest = Math.max(furthest, standby.replayLsn());
            }
        }
        return new Snapshot(masterAnswered, anyUp, smallestLag, furthest);
    }

    /** What the last check of each standby saw, in the order {@code db_chooser.slave-unit} lists them. */
    public List<Standby> standbys() {
        List<Standby> all = new ArrayList<>(standbys.length());
        for (int i = 0; i < standbys.length(); i++) {
            all.add(standbys.get(i));
        }
        return all;
    }

    /**
     * The furthest WAL position the master is known to have reached: its insert position
     * at its last check, or a read-your-writes token minted here since. A token beyond
     * it was not minted by this application from this master (or, minted by another
     * instance of it, is younger than one check): nothing is spent on it.
     */
    public long knownMasterPosition() {
        return knownMasterPosition.get();
    }

    /** The master has been seen at {@code position} (a token was minted there). */
    public void masterReached(long position) {
        knownMasterPosition.accumulateAndGet(position, Math::max);
    }

    /**
     * A standby that serves reads and had replayed WAL position {@code lsn} when last
     * checked (no query), drawn at random among those that had; -1 when none had.
     */
    public int standbyThatReplayed(long lsn) {
        int count = standbys.length();
        int first = count == 1 ? 0 : ThreadLocalRandom.current().nextInt(count);
        for (int n = 0; n < count; n++) {
            int i = (first + n) % count;
            if (standbys.get(i).replayLsn() >= lsn && health.serves(i)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public RouteHealth health() {
        return health;
    }

    /**
     * A request saw a standby fail to answer: slave-routed work goes to the other
     * standbys, or the master, until the next check of it says otherwise. Returns
     * whether that request may run again on the master ({@code db_chooser.slave-fallback}).
     */
    @Override
    public boolean slaveFailed(int standby, Throwable failure) {
        if (!config.slaveFallback()) {
            return false;
        }
        statistics.fallbacks.increment();
        if (standby >= 0 && health.serves(standby)) {
            Standby before = standbys.get(standby);
            LOG.warning(Messages.slaveUnreachable(before.unit(), rootMessage(failure), true));
            judge(standby, new Standby(before.unit(), false, false, null, before.replayLsn()));
        }
        return true;
    }

    /**
     * A request found the master unreachable: master-routed work fails at once until
     * the next check finds it back, instead of each request waiting on a dead connection.
     */
    @Override
    public void masterFailed(Throwable failure) {
        if (health.masterUp()) {
            health.masterUp(false);
            LOG.warning(Messages.masterUnreachable(rootMessage(failure)));
        }
    }

    /** The master's chain of checks; each standby has its own, so that a slow server does not delay another's. */
    private void checkMaster() {
        boolean up;
        try {
            Object[] row = (Object[]) probe("master", units.master(), MASTER_PROBE);
            long position = ((Number) row[0]).longValue();
            masterPositions.record(position, System.nanoTime());
            masterLsn = position;
            masterReached(((Number) row[1]).longValue());
            up = true;
        } catch (RuntimeException e) {
            if (scheduler.stopped()) {
                return; // the application is stopping: its units may be closing under this check
            }
            if (ConnectionFailures.isNotBoundYet(e)) {
                scheduleNext(this::checkMaster, true); // nothing learnt about the master: ask again soon
                return;
            }
            masterLsn = null;
            up = false;
            if (health.masterUp()) { // not yet reported, by a check or by a request that failed
                LOG.warning(Messages.masterUnreachable(rootMessage(e)));
            }
        }
        startSlaveChecks();
        if (up && !health.masterUp()) {
            LOG.info(Messages.masterBack());
        }
        masterAnswered = up;
        health.masterUp(up);
        scheduleNext(this::checkMaster, up);
    }

    private void checkStandby(int standby) {
        Standby before = standbys.get(standby);
        Duration lag = null;
        long replayLsn = -1;
        boolean promoted = false;
        try {
            Object[] row = (Object[]) probe("slave (unit " + before.unit() + ")", units.standby(standby), SLAVE_PROBE);
            promoted = !(Boolean) row[0];
            replayLsn = row[1] == null ? -1 : ((Number) row[1]).longValue();
            long sinceMasterWasThere = row[1] == null ? -1 : masterPositions.nanosSinceAtOrBelow(replayLsn, System.nanoTime());
            lag = promoted ? null : lag(true, (Number) row[1], (Number) row[2], (Number) row[3], masterLsn,
                    sinceMasterWasThere < 0 ? null : Duration.ofNanos(sinceMasterWasThere));
        } catch (RuntimeException e) {
            if (scheduler.stopped()) {
                return; // the application is stopping: its units may be closing under this check
            }
            if (ConnectionFailures.isNotBoundYet(e)) {
                scheduleNext(() -> checkStandby(standby), true); // nothing learnt about the standby: ask again soon
                return;
            }
            if (before.up()) {
                LOG.warning(Messages.slaveUnreachable(before.unit(), rootMessage(e), config.slaveFallback()));
            }
        }
        boolean up = lag != null;
        if (promoted && !before.promoted()) {
            LOG.warning(Messages.slavePromoted(before.unit()));
        } else if (up && !before.up()) {
            LOG.info(Messages.slaveBack(before.unit()));
        }
        judge(standby, new Standby(before.unit(), up, promoted, lag, replayLsn));
        scheduleNext(() -> checkStandby(standby), up || promoted);
    }

    /** Records what was seen of one standby, and judges again which standbys serve reads. */
    private synchronized void judge(int standby, Standby seen) {
        standbys.set(standby, seen);
        health.servingStandbys(serving(standbys(), config.maxLag(), config.slaveFallback()));
    }

    /**
     * The standbys that serve slave-routed reads: those up and within {@code maxLag}
     * (null: no bound). A promoted one is not up as a standby. Without
     * {@code db_chooser.slave-fallback} slave-routed work never goes to the master: every
     * standby then serves when none would.
     */
    static int[] serving(List<Standby> standbys, Duration maxLag, boolean fallback) {
        int[] serving = new int[standbys.size()];
        int count = 0;
        for (int i = 0; i < standbys.size(); i++) {
            Standby state = standbys.get(i);
            if (state.up() && (maxLag == null || state.lag().compareTo(maxLag) <= 0)) {
                serving[count++] = i;
            }
        }
        if (count == 0 && !fallback) {
            for (int i = 0; i < serving.length; i++) {
                serving[i] = i;
            }
            count = serving.length;
        }
        return Arrays.copyOf(serving, count);
    }

    /**
     * Every interval; a server that did not answer, every second interval: not asked
     * too often while it is down, back in use within a few seconds once it is up.
     */
    private void scheduleNext(Runnable check, boolean answered) {
        scheduler.schedule(check, config.healthInterval().toMillis() * (answered ? 1 : 2));
    }

    /**
     * Caught up means no lag: replayed at least what the master had written when asked,
     * or, when the master could not be asked, everything the slave has received. A
     * server that is not in recovery is a primary and never behind itself. Otherwise
     * the smaller of two bounds on the age of the slave's data: the age of the last
     * transaction it replayed, and the time since a check saw the master at or below
     * its replay position ({@code sinceMasterWasThere}, null when none remembered did).
     */
    static Duration lag(boolean inRecovery, Number replayLsn, Number receiveLsn, Number replayAgeMillis, Long masterLsn,
            Duration sinceMasterWasThere) {
        if (!inRecovery) {
            return Duration.ZERO;
        }
        if (replayLsn != null) {
            long caughtUpTo = masterLsn != null ? masterLsn : receiveLsn != null ? receiveLsn.longValue() : Long.MAX_VALUE;
            if (replayLsn.longValue() >= caughtUpTo) {
                return Duration.ZERO;
            }
        }
        Duration lag = replayAgeMillis == null ? NEVER_REPLAYED : Duration.ofMillis(Math.max(0, replayAgeMillis.longValue()));
        return sinceMasterWasThere != null && sinceMasterWasThere.compareTo(lag) < 0 ? sinceMasterWasThere : lag;
    }

    /**
     * Runs {@code sql} on {@code unit}, the unit of the server named {@code server}. A
     * connection the pool handed out may have died with its server (one of several
     * standbys behind one URL, or a server that restarted); a pool that validates
     * connections drops it, so a connection failure is tried again, twice, before the
     * server counts as down. When every try met a dead connection, the pool does not
     * validate them: said once, with the fix.
     */
    private Object probe(String server, EntityManagerFactory unit, String sql) {
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            try {
                Object answer = RouteUnits.ask(unit, sql);
                deadPoolReported.remove(server);
                return answer;
            } catch (RuntimeException e) {
                // a dead pooled connection fails at once; a pool that waited for a connection does not
                boolean deadConnection = System.nanoTime() - start < 100_000_000L;
                if (attempt == 3 || !deadConnection || !ConnectionFailures.isConnectionFailure(e)) {
                    if (attempt == 3 && ConnectionFailures.isDeadConnection(e) && deadPoolReported.add(server)) {
                        LOG.warning(Messages.deadPooledConnections(server));
                    }
                    throw e;
                }
            }
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
