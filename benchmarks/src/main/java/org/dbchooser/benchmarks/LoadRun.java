package org.dbchooser.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.management.OperatingSystemMXBean;

/**
 * Runs one workload against one peer: client threads that each call a unit of work,
 * one after the other, for a fixed time, on random rows. Each call is timed on its
 * own; what the client does around it for the peer ({@link UnitsOfWork.AroundEachCall})
 * is timed apart. The JVM's CPU time over the run says what the client side of a call
 * costs, on a machine where it competes with the servers for the same cores.
 */
final class LoadRun {

    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private LoadRun() {
    }

    /** What one run measured. */
    record Result(Peer peer, Workload workload, int threads, long wallNanos, Latencies reads, Latencies writes,
            long aroundNanos, long clientCpuNanos) {

        int calls() {
            return reads.count() + writes.count();
        }

        /**
         * Calls per second of the client threads' time inside calls: the rate the peer
         * sustains. Equal to the wall-clock rate, but for a peer with work around each
         * call (b2's request context), which it leaves out.
         */
        double callsPerSecond() {
            return calls() * (double) threads / ((reads.totalNanos() + writes.totalNanos()) / 1e9);
        }

        double wallCallsPerSecond() {
            return calls() / (wallNanos / 1e9);
        }

        double aroundMicrosPerCall() {
            return aroundNanos / 1e3 / calls();
        }

        /** The CPU time this JVM (client threads, pools, GC, JIT) spent per call, work around the calls included. */
        double clientCpuMicrosPerCall() {
            return clientCpuNanos / 1e3 / calls();
        }
    }

    private record ThreadResult(Latencies reads, Latencies writes, long aroundNanos, long finishedAt) {
    }

    static Result run(Peer peer, Workload workload, int threads, Duration duration)
            throws InterruptedException, ExecutionException {
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            long[] window = new long[2]; // start and end, set once every client is ready
            List<Future<ThreadResult>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(clients.submit(() -> {
                    UnitsOfWork.AroundEachCall around = peer.units().aroundEachCall();
                    ready.countDown();
                    go.await();
                    return callUntil(peer.units(), around, workload, window[1]);
                }));
            }
            ready.await();
            long cpuAtStart = PROCESS.getProcessCpuTime();
            window[0] = System.nanoTime();
            window[1] = window[0] + duration.toNanos();
            go.countDown();
            List<ThreadResult> done = new ArrayList<>();
            for (Future<ThreadResult> result : results) {
                done.add(result.get());
            }
            long cpu = PROCESS.getProcessCpuTime() - cpuAtStart;
            Latencies reads = new Latencies();
            Latencies writes = new Latencies();
            long around = 0;
            long finished = window[0];
            for (ThreadResult one : done) {
                reads.addAll(one.reads());
                writes.addAll(one.writes());
                around += one.aroundNanos();
                finished = Math.max(finished, one.finishedAt());
            }
            return new Result(peer, workload, threads, finished - window[0], reads, writes, around, cpu);
        } finally {
            clients.shutdownNow();
        }
    }

    private static ThreadResult callUntil(UnitsOfWork units, UnitsOfWork.AroundEachCall around, Workload workload,
            long end) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Latencies reads = new Latencies();
        Latencies writes = new Latencies();
        long aroundNanos = 0;
        long now = System.nanoTime();
        while (now < end) {
            long previous = now;
            long id = 1 + random.nextInt(Items.ROWS);
            boolean write = random.nextDouble() < workload.writeFraction;
            around.before();
            long start = System.nanoTime();
            if (write) {
                String name = "item " + id + " renamed at " + start;
                units.write(em -> Items.rename(em, id, name));
            } else {
                units.read(em -> Items.readName(em, id));
            }
            long called = System.nanoTime();
            around.after();
            (write ? writes : reads).add(called - start);
            now = System.nanoTime();
            aroundNanos += (start - previous) + (now - called);
        }
        return new ThreadResult(reads, writes, aroundNanos, now);
    }
}
