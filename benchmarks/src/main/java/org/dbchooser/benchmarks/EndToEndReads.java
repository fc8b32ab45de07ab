package org.dbchooser.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.dbchooser.ReadOnly;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Read queries per second and latency, end to end against a real standby: (a) plain
 * Hibernate on the standby, no routing, against (b) the same read through dbchooser's
 * routed EntityManager in a {@code @ReadOnly} bean. Each read is a unit of work of its
 * own: an entity manager opened, one primary-key select, closed.
 *
 * <pre>
 * scripts/pg-replica.sh start /tmp/bench/state 25432 25433
 * java -Djakarta.persistence.jdbc.url=jdbc:postgresql://127.0.0.1:25433/dbchooser \
 *      -Djakarta.persistence.jdbc.user=dbchooser -Djakarta.persistence.jdbc.password=dbchooser \
 *      -Dhibernate.hikari.maximumPoolSize=4 \
 *      -cp benchmarks/target/benchmarks.jar org.dbchooser.benchmarks.EndToEndReads 25432 4 15
 * scripts/pg-replica.sh stop /tmp/bench/state
 * </pre>
 *
 * Arguments: the master's port (to create the table), client threads, seconds per run.
 * Both units of the benchmark's persistence.xml take the standby's URL, the user and the
 * pool size from the system properties, so (a) and (b) run with the very same settings;
 * only reads run.
 */
public final class EndToEndReads {

    private static final String READ = "select name from item where id = ?1";
    private static final int ROWS = 10_000;

    /** (b): the same read in a @ReadOnly bean, through dbchooser's EntityManager. */
    @ApplicationScoped
    public static class RoutedReads {
        @Inject
        EntityManager em;

        @ReadOnly
        public Object read(long id) {
            return em.createNativeQuery(READ).setParameter(1, id).getSingleResult();
        }
    }

    interface Read {
        void run(long id);
    }

    private EndToEndReads() {
    }

    public static void main(String[] args) throws Exception {
        int masterPort = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        createRows(masterPort);
        EntityManagerFactory plain = Persistence.createEntityManagerFactory("slave");
        Read direct = id -> {
            EntityManager em = plain.createEntityManager();
            try {
                em.createNativeQuery(READ).setParameter(1, id).getSingleResult();
            } finally {
                em.close();
            }
        };
        try (WeldContainer container = new Weld("end-to-end").initialize()) {
            RoutedReads routed = container.select(RoutedReads.class).get();
            Read viaDbChooser = routed::read;
            run("warm-up (a)", direct, threads, seconds);
            run("warm-up (b)", viaDbChooser, threads, seconds);
            for (int round = 1; round <= 3; round++) {
                run("(a) plain Hibernate on the standby, round " + round, direct, threads, seconds);
                run("(b) dbchooser @ReadOnly, round " + round, viaDbChooser, threads, seconds);
            }
        } finally {
            plain.close();
        }
    }

    private static void createRows(int masterPort) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + masterPort + "/dbchooser",
                "dbchooser", "dbchooser"); var s = c.createStatement()) {
            s.execute("create table if not exists item (id bigserial primary key, name text not null)");
            s.execute("insert into item(name) select 'item ' || g from generate_series(1, " + ROWS + ") g"
                    + " where (select count(*) from item) < " + ROWS);
        }
        Thread.sleep(2000); // the standby replays the rows
    }

    private static void run(String name, Read read, int threads, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<long[]>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length) {
                    long start = System.nanoTime();
                    read.run(1 + ThreadLocalRandom.current().nextInt(ROWS));
                    latencies[n++] = System.nanoTime() - start;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> worker : workers) {
            long[] some = worker.get();
            long[] merged = Arrays.copyOf(all, all.length + some.length);
            System.arraycopy(some, 0, merged, all.length, some.length);
            all = merged;
        }
        pool.shutdown();
        Arrays.sort(all);
        System.out.printf("%-45s %8.0f reads/s   p50 %6.1f us   p99 %7.1f us   p99.9 %7.1f us%n", name,
                all.length / (double) seconds, all[all.length / 2] / 1e3, all[(int) (all.length * 0.99)] / 1e3,
                all[(int) (all.length * 0.999)] / 1e3);
    }
}
