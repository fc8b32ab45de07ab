package org.dbchooser.impl.replicas;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where the replica monitor's checks run. On an application server, the server's own
 * {@code ManagedScheduledExecutorService} (Jakarta Concurrency's default): its threads
 * belong to the server and carry the application's naming context, so a check can
 * reach the container's persistence units, and nothing of ours outlives the
 * application. Elsewhere (plain CDI), two daemon threads of dbchooser's own. Stopping
 * cancels what is scheduled and waits (briefly) for a check in flight, so that no
 * check runs against units that are closing.
 */
final class CheckScheduler {

    static final String MANAGED_SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

    private final ScheduledExecutorService executor;
    private final boolean own;
    private final Set<Future<?>> pending = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean stopped;

    private CheckScheduler(ScheduledExecutorService executor, boolean own) {
        this.executor = executor;
        this.own = own;
    }

    /** The server's managed scheduler where the application has one, else threads of dbchooser's own. */
    static CheckScheduler start() {
        try {
            return new CheckScheduler((ScheduledExecutorService) new InitialContext().lookup(MANAGED_SCHEDULER), false);
        } catch (NamingException | ClassCastException noManagedScheduler) {
            return new CheckScheduler(Executors.newScheduledThreadPool(2, task -> {
                Thread thread = new Thread(task, "dbchooser-replica-monitor");
                thread.setDaemon(true);
                return thread;
            }), true);
        }
    }

    boolean managed() {
        return !own;
    }

    boolean stopped() {
        return stopped;
    }

    /** Runs {@code check} after {@code delayMillis}, unless stopped by then. */
    void schedule(Runnable check, long delayMillis) {
        if (stopped) {
            return;
        }
        try {
            Future<?> future = executor.schedule(() -> {
                running.incrementAndGet();
                try {
                    if (!stopped) {
                        check.run();
                    }
                } finally {
                    running.decrementAndGet();
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
            pending.removeIf(Future::isDone); // a check that ran is no longer to cancel
            pending.add(future);
        } catch (RejectedExecutionException shutDown) {
            stopped = true; // the server is stopping its executor, or ours was stopped
        }
    }

    /** Cancels the checks to come and waits up to {@code waitMillis} for one in flight to end. */
    void stop(long waitMillis) {
        stopped = true;
        pending.forEach(future -> future.cancel(false));
        pending.clear();
        if (own) {
            executor.shutdown();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (running.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (own) {
            executor.shutdownNow();
        }
    }
}
