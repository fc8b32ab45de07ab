package org.dbchooser.benchmarks;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.control.RequestContextController;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two things the outermost frame of a unit of work cannot do without, each alone, on
 * Weld SE in an active request context ({@link InterceptorBenchmark}'s
 * {@code frame=outermost}): asking whether a request context is active, which the only
 * portable way does by trying to activate one ({@link RequestContextController#activate()}
 * answers false), and keeping the unit of work's state on the thread for the call's
 * length (a thread-local set, then removed so that a pooled thread keeps nothing of the
 * application). What they cost together is the least an outermost frame can add to a
 * call through an interceptor that only proceeds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FrameFloorBenchmark {

    private static final ThreadLocal<Object> UNIT_OF_WORK = new ThreadLocal<>();

    private WeldContainer container;
    private RequestContextController activeContext;
    private RequestContextController asking;

    @Setup(Level.Trial)
    public void start() {
        System.setProperty("db_chooser.health-interval", "1h");
        container = new Weld("frame-floor").initialize();
        activeContext = container.select(RequestContextController.class).get();
        activeContext.activate();
        asking = container.select(RequestContextController.class).get();
    }

    @TearDown(Level.Trial)
    public void stop() {
        activeContext.deactivate();
        container.close();
    }

    /** Is a request context active? Asked portably: a controller that may not activate one answers false. */
    @Benchmark
    public boolean askRequestContext() {
        return asking.activate();
    }

    /** The unit of work's state on the thread for one call: made, set, removed. */
    @Benchmark
    public Object threadUnitOfWork() {
        Object unitOfWork = new Object();
        UNIT_OF_WORK.set(unitOfWork);
        UNIT_OF_WORK.remove();
        return unitOfWork;
    }
}
