package org.dbchooser.impl.routing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * What the hot path needs to know about the servers and the operator's switch, as
 * volatile fields: each call reads them, nobody queries a server for them. The replica
 * monitor keeps the master's flag and the standbys that serve current; the maintenance
 * switch sets read-only.
 *
 * <p>Standbys are numbered as {@code db_chooser.slave-unit} lists their units. Those
 * that serve slave-routed reads (up, and within {@code db_chooser.max-lag}) are kept as
 * an array replaced whole, so that a reader sees one consistent set without a lock.
 */
public final class RouteHealth {

    private final int[] allStandbys;
    private volatile boolean masterUp = true;
    private volatile int[] servingStandbys;
    private volatile boolean readOnly;

    public RouteHealth(boolean readOnly, int standbys) {
        this.readOnly = readOnly;
        this.allStandbys = new int[Math.max(standbys, 1)];
        for (int i = 0; i < allStandbys.length; i++) {
            allStandbys[i] = i;
        }
        this.servingStandbys = allStandbys;
    }

    /** False once the master could not be reached: master-routed work then fails at once. */
    public boolean masterUp() {
        return masterUp;
    }

    public void masterUp(boolean up) {
        masterUp = up;
    }

    /**
     * False while slave-routed work must be served by the master: no standby can be
     * reached within {@code db_chooser.max-lag}. Always true when
     * {@code db_chooser.slave-fallback} is off.
     */
    public boolean slaveServes() {
        return servingStandbys.length > 0;
    }

    /** Whether standby {@code standby} serves slave-routed reads now. */
    public boolean serves(int standby) {
        for (int serving : servingStandbys) {
            if (serving == standby) {
                return true;
            }
        }
        return false;
    }

    /** The standbys that serve slave-routed reads now, by number; the array is shared: read it, never write it. */
    public int[] servingStandbys() {
        return servingStandbys;
    }

    /** The standbys that serve slave-routed reads now, in the order they are listed (the monitor's judgement). */
    public void servingStandbys(int[] standbys) {
        servingStandbys = standbys.clone();
    }

    /** How many standbys are configured. */
    public int standbys() {
        return allStandbys.length;
    }

    /**
     * The standby a unit of work reads from: the one read-your-writes chose for it, else
     * one that serves, drawn at random so that units of work spread over them. When none
     * serves (read-only maintenance reads from the slaves whatever their state, or the
     * monitor judged them all out a moment ago) any of them: its failure then decides.
     */
    public int standbyFor(RouteContext context) {
        int chosen = context.standby();
        if (chosen >= 0) {
            return chosen;
        }
        int[] candidates = servingStandbys;
        if (candidates.length == 0) {
            candidates = allStandbys;
        }
        return candidates.length == 1 ? candidates[0] : candidates[ThreadLocalRandom.current().nextInt(candidates.length)];
    }

    /** Read-only maintenance mode: everything reads from the slave, every write is refused. */
    public boolean readOnly() {
        return readOnly;
    }

    public void readOnly(boolean on) {
        readOnly = on;
    }
}
