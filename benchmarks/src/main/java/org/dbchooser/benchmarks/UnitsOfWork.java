package org.dbchooser.benchmarks;

import java.util.function.Function;

import jakarta.persistence.EntityManager;

/**
 * How a peer runs one unit of work: a read where it sends reads, a write in a
 * transaction where it sends writes. The work itself is handed in, so that every peer
 * runs the very same statements ({@link Items}) and differs only in its routing.
 * Implementations are safe for concurrent use.
 */
interface UnitsOfWork {

    <T> T read(Function<EntityManager, T> query);

    <T> T write(Function<EntityManager, T> update);

    /**
     * What a client thread does around each unit of work, outside the timed call: for a
     * peer measured as inside a web request, the request context that the servlet
     * container opens for every request, with or without dbchooser. Called once per
     * client thread.
     */
    default AroundEachCall aroundEachCall() {
        return AroundEachCall.NOTHING;
    }

    /** Work a client thread does before and after each call, untimed; bound to that thread. */
    interface AroundEachCall {

        AroundEachCall NOTHING = new AroundEachCall() {
            @Override
            public void before() {
            }

            @Override
            public void after() {
            }
        };

        void before();

        void after();
    }
}
