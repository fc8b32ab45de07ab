package org.dbchooser.impl.jpa;

import java.net.SocketException;
import java.sql.SQLException;

import javax.naming.NamingException;

/** Whether a failure means "the server cannot be reached", as opposed to a failure of the work itself. */
public final class ConnectionFailures {

    private ConnectionFailures() {
    }

    /**
     * SQLSTATE 08003 (connection does not exist) anywhere in the causes: the pool handed
     * out a connection that had already died, typically with a server that restarted.
     */
    public static boolean isDeadConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "08003".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01..57P03 (the server is shutting
     * down or not accepting connections yet), or a socket error, anywhere in the causes.
     */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A naming failure anywhere in the causes: the container has not bound the
     * application's persistence units yet (Payara binds them a moment after the
     * application scope starts, when the replica monitor's first checks may already
     * run). Says nothing about the servers.
     */
    public static boolean isNotBoundYet(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NamingException) {
                return true;
            }
        }
        return false;
    }
}
