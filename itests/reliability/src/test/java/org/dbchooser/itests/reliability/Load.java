package org.dbchooser.itests.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/** Client threads that repeat their work until stopped: a load bounded in time. */
final class Load implements AutoCloseable {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Future<?>> running = new ArrayList<>();
    private volatile boolean stopping;

    /** Starts COUNT threads; each calls STEP with its number until {@link #stop}. */
    Load start(int count, IntConsumer step) {
        for (int t = 0; t < count; t++) {
            int thread = t;
            running.add(threads.submit(() -> {
                while (!stopping) {
                    step.accept(thread);
                }
            }));
        }
        return this;
    }

    /** Stops every thread after its current step, and rethrows what a step threw. */
    void stop() throws Exception {
        stopping = true;
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        stopping = true;
        threads.shutdownNow();
    }
}
