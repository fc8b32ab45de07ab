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

    @Override
    public String toString() {
        return (isMaster() ? "master" : isStandby() ? "standby" : "unexpected server") + " on port " + port;
    }
}
