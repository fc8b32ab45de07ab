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

    /** What {@link #aroundAStop} saw: every call, and when (nanoTime) the server had stopped. */
    record AroundAStop(List<Call> calls, long stopped) {

        /** The failures; a read that fails is what these tests exist to rule out. */
        List<Throwable> failures() {
            return calls.stream().map(Call::failure).filter(java.util.Objects::nonNull).toList();
        }

        /** Who served the calls that began more than {@code millis} after the stop, and how many each. */
        java.util.Map<String, Long> servedFrom(long millis) {
            return servedBy(calls.stream().filter(call -> call.start() - stopped > millis * 1_000_000).toList());
        }

        /** Who served the calls that ended before the stop, and how many each. */
        java.util.Map<String, Long> servedBefore() {
            return servedBy(calls.stream().filter(call -> call.end() < stopped).toList());
        }
    }

    /** Who served {@code calls} that succeeded, and how many each. */
    static java.util.Map<String, Long> servedBy(List<Call> calls) {
        return calls.stream().filter(call -> call.server() != null).collect(java.util.stream.Collectors.groupingBy(
                call -> call.server().toString(), java.util.stream.Collectors.counting()));
    }

    /**
     * {@code threads} callers of {@code call} for {@code beforeMillis}, then {@code stop}
     * (stopping a server) under them, then {@code afterMillis} more.
     */
    static AroundAStop aroundAStop(int threads, Callable<Server> call, long beforeMillis, Databases.Work stop, long afterMillis)
            throws Exception {
        try (Traffic traffic = new Traffic(threads, call)) {
            Thread.sleep(beforeMillis);
            stop.run();
            long stopped = System.nanoTime();
            Thread.sleep(afterMillis);
            return new AroundAStop(traffic.stop(), stopped);
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
