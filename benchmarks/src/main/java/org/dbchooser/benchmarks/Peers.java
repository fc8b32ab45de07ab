package org.dbchooser.benchmarks;

import java.util.List;

/** The peers of the comparison by key, in its order, and the wiring of each. */
final class Peers {

    static final List<String> ALL = List.of("a", "b1", "b2", "f1", "f2", "c", "d", "e");

    private Peers() {
    }

    /** Wires the peer {@code key}; what it holds is added to {@code wirings}, to be closed after it. */
    static Peer wire(String key, Servers servers, int poolSize, List<AutoCloseable> wirings) throws Exception {
        return switch (key) {
            case "a" -> new Peer(key, "plain Hibernate, standby for reads, master for writes",
                    keep(wirings, HibernateUnits.byHand(servers, poolSize)));
            case "b1" -> new Peer(key, "dbchooser, no request context",
                    keep(wirings, new DbChooserUnits(servers, poolSize)).outsideRequests());
            case "b2" -> new Peer(key, "dbchooser in a request context (web)",
                    keep(wirings, new DbChooserUnits(servers, poolSize)).insideRequests());
            case "f1" -> new Peer(key, "units by hand in an @ActivateRequestContext method, no request context",
                    keep(wirings, new DbChooserUnits(servers, poolSize)).floor(false));
            case "f2" -> new Peer(key, "units by hand in an @ActivateRequestContext method, in a request context",
                    keep(wirings, new DbChooserUnits(servers, poolSize)).floor(true));
            case "c" -> new Peer(key, "ShardingSphere-JDBC read/write splitting",
                    keep(wirings, ShardingSphereSplitting.create(servers, poolSize)));
            case "d" -> new Peer(key, "Pgpool-II, reads weighted to the standby",
                    keep(wirings, HibernateUnits.throughPgpool(servers, poolSize)));
            case "e" -> new Peer(key, "Spring LazyConnectionDataSourceProxy, read-only transactions",
                    keep(wirings, new SpringReadOnlyRouting(servers, poolSize)));
            default -> throw new IllegalArgumentException("no peer '" + key + "'; the peers are " + ALL);
        };
    }

    private static <T extends AutoCloseable> T keep(List<AutoCloseable> wirings, T wiring) {
        wirings.add(wiring);
        return wiring;
    }
}
