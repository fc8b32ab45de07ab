package org.dbchooser.benchmarks;

/**
 * Where the servers of the end-to-end comparison listen, all on 127.0.0.1: the master,
 * its hot standby, and Pgpool-II in front of both. Every peer logs in as the same user
 * to the same database.
 */
record Servers(int masterPort, int standbyPort, int pgpoolPort) {

    static final String USER = "dbchooser";
    static final String PASSWORD = "dbchooser";

    String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/dbchooser";
    }
}
