package org.dbchooser.impl.jpa;

import org.dbchooser.impl.routing.RouteHealth;

/**
 * What the routed entity manager needs of the replica monitor: the servers' state it
 * reads on every call, and where to report a server that a call found unreachable, so
 * that the calls behind it do not wait for the next check.
 */
public interface ReplicaStatus {

    /** The flags every call reads. */
    RouteHealth health();

    /**
     * A call saw standby {@code standby} fail to answer: slave-routed work goes to the
     * other standbys, or the master, until the next check of it says otherwise. Returns
     * whether that call may run again on the master ({@code db_chooser.slave-fallback}).
     */
    boolean slaveFailed(int standby, Throwable failure);

    /** A call found the master unreachable: master-routed work fails at once until it is back. */
    void masterFailed(Throwable failure);
}
