package org.dbchooser.impl.http;

import org.dbchooser.impl.config.DbChooserConfig;
import org.dbchooser.impl.jpa.RouteUnits;
import org.dbchooser.impl.replicas.ReplicaMonitor;
import org.dbchooser.impl.routing.RouteContext;
import org.dbchooser.impl.routing.RouteStatistics;

import java.time.Duration;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.dbchooser.Route;
import org.dbchooser.impl.config.DeploymentState;
import org.dbchooser.impl.Messages;

/**
 * Read-your-writes across requests ({@code db_chooser.read-your-writes}).
 *
 * <p>{@code lsn}: the response of a request that used the master carries the master's
 * WAL position, read by a query that started after the response did (header
 * {@value #LSN_HEADER} and cookie {@value #LSN_COOKIE}; responses that start at once share
 * a query, {@link SharedPositionReads}). A later slave-routed request that brings it back is served
 * by a standby that has replayed that far (known from the replica monitor's last
 * checks; else every standby that serves is asked, waiting at most
 * {@code db_chooser.read-your-writes-wait}), otherwise its reads come from the master.
 * Writes stay refused on the slave route either way.
 *
 * <p>{@code time}: the response carries a cookie {@value #PIN_COOKIE} that keeps the
 * client's reads on the master for {@code db_chooser.read-your-writes-pin}, as Rails'
 * and Django's routers do.
 */
@ApplicationScoped
public class ReadYourWrites {

    static final String LSN_HEADER = "X-DbChooser-LSN";
    static final String LSN_COOKIE = "dbchooser-lsn";
    static final String PIN_COOKIE = "dbchooser-pin";

    private static final Logger LOG = Logger.getLogger(ReadYourWrites.class.getName());
    private static final long POLL_MILLIS = 5;

    private final DbChooserConfig config;
    private final RouteUnits units;
    private final ReplicaMonitor monitor;
    private final RouteStatistics statistics;
    private final SharedPositionReads positions = new SharedPositionReads();

    @Inject
    ReadYourWrites(DeploymentState state, RouteUnits units, ReplicaMonitor monitor) {
        this.config = state.config();
        this.statistics = state.statistics();
        this.units = units;
        this.monitor = monitor;
    }

    /** For the container's proxy, which only forwards calls. */
    ReadYourWrites() {
        this.config = null;
        this.statistics = null;
        this.units = null;
        this.monitor = null;
    }

    // Public, as are the other methods called through the container's client proxy: Weld's
    // proxy calls a package-private method by reflection, with an argument array per call.
    public boolean enabled() {
        return config.readYourWrites() != DbChooserConfig.ReadYourWrites.OFF;
    }

    /** Before the request runs: decide whether its slave-routed reads must come from the master. */
    public void beforeRequest(TokenCarrier request, RouteContext context) {
        if (context.route() != Route.SLAVE) {
            return;
        }
        if (config.readYourWrites() == DbChooserConfig.ReadYourWrites.TIME) {
            context.readFromMaster(pinned(value(request, PIN_COOKIE, null), System.currentTimeMillis(),
                    config.readYourWritesPin().toMillis()));
            if (context.readFromMaster()) {
                statistics.readYourWritesFromMaster.increment();
            }
            return;
        }
        long token = Lsn.parse(value(request, LSN_COOKIE, LSN_HEADER));
        // a token the master has not reached was not minted here: forged, or from another database
        if (token < 0 || token > monitor.knownMasterPosition()) {
            return;
        }
        int replayed = monitor.standbyThatReplayed(token);
        if (replayed >= 0) {
            context.standby(replayed);
            return;
        }
        statistics.readYourWritesWaits.increment();
        int reached = firstToReach(monitor.health().servingStandbys(), token, config.readYourWritesWait());
        if (reached >= 0) {
            context.standby(reached);
        } else {
            context.readFromMaster(true);
            statistics.readYourWritesFromMaster.increment();
        }
    }

    /**
     * When the response starts: a request that used the master hands the client its
     * token. A failed request (5xx: a 503 while the master is down, a rolled-back
     * transaction) has no write to read back, and asking a master known to be down would
     * only fail: no token then.
     */
    public void beforeResponse(TokenCarrier response, RouteContext context) {
        if (!context.masterUsed() || !response.responseOpen() || !monitor.health().masterUp()) {
            return;
        }
        try {
            if (config.readYourWrites() == DbChooserConfig.ReadYourWrites.TIME) {
                long until = System.currentTimeMillis() + config.readYourWritesPin().toMillis();
                response.responseCookie(PIN_COOKIE, Long.toString(until), config.readYourWritesPin());
                return;
            }
            String lsn = positions.read(() -> (String) RouteUnits.ask(units.master(), "select pg_current_wal_insert_lsn()::text"));
            monitor.masterReached(Lsn.parse(lsn));
            response.responseHeader(LSN_HEADER, lsn);
            response.responseCookie(LSN_COOKIE, lsn, Duration.ofHours(1));
        } catch (RuntimeException e) {
            // the request itself succeeded; without a token the client's next read may be stale, not wrong
            LOG.log(Level.WARNING, Messages.noReadYourWritesToken(String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * Whether a pin cookie still pins: it names a moment in the future, no further than
     * one pin from now. A cookie that pins longer was not set by dbchooser and is ignored.
     */
    static boolean pinned(String pin, long now, long pinMillis) {
        long until = pin == null ? -1 : parseLong(pin);
        return until > now && until <= now + pinMillis;
    }

    /**
     * The first of {@code standbys} (those that serve) to replay up to {@code token}
     * within {@code wait}, asking each every few milliseconds through one entity manager
     * (one connection) of its own for the whole wait; -1 when none does, or none serves.
     */
    private int firstToReach(int[] standbys, long token, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        EntityManager[] sessions = new EntityManager[standbys.length];
        Query[] replayPositions = new Query[standbys.length];
        try {
            while (true) {
                for (int i = 0; i < standbys.length; i++) {
                    if (replayed(i, standbys[i], sessions, replayPositions) >= token) {
                        return standbys[i];
                    }
                }
                if (System.nanoTime() + POLL_MILLIS * 1_000_000 > deadline) {
                    return -1;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } finally {
            for (EntityManager session : sessions) {
                if (session != null) {
                    session.close();
                }
            }
        }
    }

    /** Where standby {@code standby} has replayed to; -1 when it cannot say (unreachable), and it is not asked again. */
    private long replayed(int i, int standby, EntityManager[] sessions, Query[] replayPositions) {
        try {
            if (sessions[i] == null) {
                sessions[i] = units.standby(standby).createEntityManager();
                replayPositions[i] = sessions[i].createNativeQuery("select pg_last_wal_replay_lsn()::text");
            }
            if (replayPositions[i] == null) {
                return -1;
            }
            Object position = replayPositions[i].getSingleResult();
            return position == null ? -1 : Lsn.parse((String) position);
        } catch (RuntimeException standbyUnreachable) {
            replayPositions[i] = null;
            return -1;
        }
    }

    private static String value(TokenCarrier request, String cookieName, String headerName) {
        String header = headerName == null ? null : request.requestHeader(headerName);
        return header != null ? header : request.requestCookie(cookieName);
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** PostgreSQL's WAL positions, {@code 16/B374D848}, as one comparable number. */
    static final class Lsn {

        private static final Pattern FORM = Pattern.compile("[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}");

        private Lsn() {
        }

        /** The position, or -1 for anything that is not one (absent, forged, garbled). */
        static long parse(String text) {
            if (text == null) {
                return -1;
            }
            if (!FORM.matcher(text).matches()) {
                return -1;
            }
            int slash = text.indexOf('/');
            return Long.parseLong(text.substring(0, slash), 16) << 32 | Long.parseLong(text.substring(slash + 1), 16);
        }
    }
}
