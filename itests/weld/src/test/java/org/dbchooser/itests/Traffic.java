package org.dbchooser.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dbchooser.itests.databases.Server;

/**
 * Calls made over and over by threads of their own, as concurrent requests are, while
 * a test stops and starts servers under them; every call is kept, with when it began
 * and ended, what answered it, or how it failed.
 */
final class Traffic implements AutoCloseable {

    /** One call: nanoTime at its start and end, and the server that answered or the failure. */
    record Call(long start, long end, Server server, Throwable failure) {

        long nanos() {
            return end - start;
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ExecutorService threads;
    private final List<Future<?>> callers = new ArrayList<>();
    private volatile boolean stopping;

    /** Starts {@code threads} callers of {@code call}, each calling again as soon as its call returns. */
    Traffic(int threads, Callable<Server> call) {
        this.threads = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            callers.add(this.threads.submit(() -> {
                while (!stopping) {
                    long start = System.nanoTime();
                    try {
                        Server server = call.call();
                        calls.add(new Call(start, System.nanoTime(), server, null));
                    } catch (Exception | AssertionError e) {
                        calls.add(new Call(start, System.nanoTime(), null, e));
                    }
                }
                return null;
            }));
        }
    }

    /** Lets each caller finish the call it is in (30 s at most), and returns every call made. */
    List<Call> stop() throws Exception {
        stopping = true;
        for (Future<?> caller : callers) {
            caller.get(30, TimeUnit.SECONDS);
        }
        return List.copyOf(calls);
    }

    /** The calls made so far. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        stopping = true;
        threads.shutdownNow();
    }
}
