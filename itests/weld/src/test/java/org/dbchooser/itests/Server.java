package org.dbchooser.itests;

/** Which PostgreSQL server ran a statement, as that server reports it. */
public record Server(int port, boolean inRecovery) {

    /** Asks the server behind the connection: {@code inet_server_port()} and {@code pg_is_in_recovery()}. */
    static final String QUERY = "select inet_server_port(), pg_is_in_recovery()";

    public boolean isMaster() {
        return port == Databases.masterPort() && !inRecovery;
    }

    public boolean isStandby() {
        return port == Databases.standbyPort() && inRecovery;
    }

    public boolean isStandby2() {
        return port == Databases.standby2Port() && inRecovery;
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
