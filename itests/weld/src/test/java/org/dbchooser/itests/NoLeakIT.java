package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.dbchooser.Route;
import org.junit.jupiter.api.Test;
import org.dbchooser.itests.databases.Server;

/**
 * 10,000 calls of every kind on a pool of 8 threads: each runs where its rule says,
 * and none leaves a route behind for the next task on the same pooled thread.
 */
class NoLeakIT extends AgainstMasterAndStandby {

    private static final int CALLS = 10_000;

    @Inject
    RequestContextWork requestContext;

    /** One kind of call and the server it must reach ({@code null}: it throws before any query). */
    private Server run(int kind, HttpRequests http) throws Exception {
        return switch (kind) {
            case 0 -> readOnly.server();
            case 1 -> master.server();
            case 2 -> routing.call(Route.SLAVE, plain::server);
            case 3 -> readOnly.call(() -> master.call(plain::server));
            case 4 -> requestContext.call(() -> http.serve("GET", "/items", plain::server));
            case 5 -> requestContext.call(() -> http.serve("POST", "/items", plain::server));
            case 6 -> {
                try {
                    readOnly.call(() -> {
                        throw new IllegalStateException("thrown inside a slave frame");
                    });
                } catch (IllegalStateException expected) {
                    // the route must be restored all the same
                }
                yield null;
            }
            default -> throw new IllegalArgumentException("kind " + kind);
        };
    }

    private static final boolean[] ON_STANDBY = {true, false, true, false, true, false};

    @Test
    void noRouteLeaksAcrossTenThousandCallsOnPooledThreads() throws Exception {
        HttpRequests http = new HttpRequests(beanManager);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger misrouted = new AtomicInteger();
        AtomicInteger leaked = new AtomicInteger();
        Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
        List<Future<?>> tasks = new ArrayList<>();
        try {
            for (int i = 0; i < CALLS; i++) {
                int kind = i % 7;
                tasks.add(pool.submit(() -> {
                    Server server = run(kind, http);
                    if (server != null) {
                        boolean right = ON_STANDBY[kind] ? server.isStandby() : server.isMaster();
                        if (!right) {
                            misrouted.incrementAndGet();
                        }
                        served.computeIfAbsent(server.toString(), k -> new AtomicInteger()).incrementAndGet();
                    }
                    // what the next task on this thread inherits: nothing
                    Server after = requestContext.call(plain::server);
                    if (routing.current() != Route.MASTER || !after.isMaster()) {
                        leaked.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(misrouted.get()).isZero();
        assertThat(leaked.get()).isZero();
        int perKind = CALLS / 7;
        assertThat(served.get("standby on port " + Databases.standbyPort()).get()).isGreaterThanOrEqualTo(3 * perKind);
        assertThat(served.get("master on port " + Databases.masterPort()).get()).isGreaterThanOrEqualTo(3 * perKind);
    }
}
