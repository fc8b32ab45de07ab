package org.dbchooser.itests.databases;

/**
 * Which PostgreSQL server ran a statement, as that server reports it: the one way every
 * test (and the server tests' application) asks. Which of the build's servers it is
 * comes from the ports the build gave them ({@code pg.master.port}, ...), known where
 * the tests run.
 */
public record Server(int port, boolean inRecovery) {

    /** Asks the server behind the connection: {@code inet_server_port()} and {@code pg_is_in_recovery()}. */
    public static final String QUERY = "select inet_server_port(), pg_is_in_recovery()";

    /** The answer to {@link #QUERY} (or to a query that ends with its two columns). */
    public static Server of(Object[] row) {
        return new Server(((Number) row[row.length - 2]).intValue(), (Boolean) row[row.length - 1]);
    }

    /** {@code "<port> master"} or {@code "<port> standby"}: how the server tests' application answers. */
    public String label() {
        return port + (inRecovery ? " standby" : " master");
    }

    public boolean isMaster() {
        return port == BuildDatabases.masterPort() && !inRecovery;
    }

    public boolean isStandby() {
        return port == BuildDatabases.standbyPort() && inRecovery;
    }

    public boolean isStandby2() {
        return port == BuildDatabases.standby2Port() && inRecovery;
    }

    public boolean isEitherStandby() {
        return isStandby() || isStandby2();
    }

    @Override
    public String toString() {
        return (isMaster() ? "master" : isStandby() ? "standby" : isStandby2() ? "standby2" : "unexpected server")
                + " on port " + port;
    }
}
