package org.dbchooser.impl;

/**
 * What the hot path needs to know about the servers and the operator's switch, as
 * three volatile flags: each call reads them, nobody queries a server for them.
 * {@link ReplicaMonitor} keeps the first two current; {@link MaintenanceBean} sets the
 * third.
 */
final class RouteHealth {

    /** False once the master could not be reached: master-routed work then fails at once. */
    volatile boolean masterUp = true;

    /**
     * False while slave-routed work must be served by the master: the slave cannot be
     * reached, or lags more than {@code db_chooser.max-lag}. Always true when
     * {@code db_chooser.slave-fallback} is off.
     */
    volatile boolean slaveServes = true;

    /** Read-only maintenance mode: everything reads from the slave, every write is refused. */
    volatile boolean readOnly;

    RouteHealth(boolean readOnly) {
        this.readOnly = readOnly;
    }
}
