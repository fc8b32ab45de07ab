package org.dbchooser.impl.routing;

/**
 * What the hot path needs to know about the servers and the operator's switch, as
 * three volatile flags: each call reads them, nobody queries a server for them. The
 * replica monitor keeps the first two current; the maintenance switch sets the third.
 */
public final class RouteHealth {

    private volatile boolean masterUp = true;
    private volatile boolean slaveServes = true;
    private volatile boolean readOnly;

    public RouteHealth(boolean readOnly) {
        this.readOnly = readOnly;
    }

    /** False once the master could not be reached: master-routed work then fails at once. */
    public boolean masterUp() {
        return masterUp;
    }

    public void masterUp(boolean up) {
        masterUp = up;
    }

    /**
     * False while slave-routed work must be served by the master: the slave cannot be
     * reached, or lags more than {@code db_chooser.max-lag}. Always true when
     * {@code db_chooser.slave-fallback} is off.
     */
    public boolean slaveServes() {
        return slaveServes;
    }

    public void slaveServes(boolean serves) {
        slaveServes = serves;
    }

    /** Read-only maintenance mode: everything reads from the slave, every write is refused. */
    public boolean readOnly() {
        return readOnly;
    }

    public void readOnly(boolean on) {
        readOnly = on;
    }
}
