package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting for the servers, or dbchooser's view of them, to reach a state, with a bound. */
final class Await {

    private Await() {
    }

    /** Something the test looks at again and again. */
    interface Condition {
        boolean holds() throws Exception;
    }

    /**
     * Asks {@code condition} every 20 ms until it holds, and fails naming {@code what} if
     * it does not within {@code millis}. Returns how long it took, in milliseconds.
     */
    static long until(String what, long millis, Condition condition) throws Exception {
        long start = System.nanoTime();
        while (!condition.holds()) {
            assertThat((System.nanoTime() - start) / 1_000_000).as("%s within %d ms", what, millis).isLessThan(millis);
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
