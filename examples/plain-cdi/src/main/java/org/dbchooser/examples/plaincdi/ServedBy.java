package org.dbchooser.examples.plaincdi;

/** The server that answered, in its own words: its port and whether it is a standby. */
public record ServedBy(int port, boolean standby) {

    @Override
    public String toString() {
        return (standby ? "slave" : "master") + " (port " + port + ", pg_is_in_recovery=" + standby + ")";
    }
}
