package org.dbchooser.benchmarks;

/**
 * Asks the servers, before a peer is measured, where its reads and its writes go: reads
 * must reach the standby, writes the master. A peer that sends a read anywhere else
 * stops the run: its numbers would compare nothing.
 */
final class RouteCheck {

    private static final int CALLS = 10;

    private RouteCheck() {
    }

    static void verify(Peer peer, Servers servers) {
        UnitsOfWork units = peer.units();
        UnitsOfWork.AroundEachCall around = units.aroundEachCall();
        ServedBy read = null;
        ServedBy written = null;
        for (int i = 0; i < CALLS; i++) {
            around.before();
            try {
                read = units.read(ServedBy::read);
                written = units.write(ServedBy::write);
            } finally {
                around.after();
            }
            require(peer, "read", read, new ServedBy(servers.standbyPort(), true));
            require(peer, "write", written, new ServedBy(servers.masterPort(), false));
        }
        System.out.printf("check %-62s reads served by %s, writes by %s (%d calls each)%n", peer.label(), read,
                written, CALLS);
    }

    private static void require(Peer peer, String what, ServedBy actual, ServedBy expected) {
        if (!actual.equals(expected)) {
            throw new IllegalStateException(peer.label() + ": a " + what + " was served by " + actual + ", expected "
                    + expected + "; this peer does not route as the comparison assumes");
        }
    }
}
