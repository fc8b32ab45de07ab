package org.dbchooser.benchmarks;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.control.RequestContextController;

import org.dbchooser.impl.config.DeploymentState;
import org.dbchooser.impl.http.RequestUnitOfWork;
import org.dbchooser.impl.routing.RouteContext;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a call through {@code @ReadOnly} / {@code @Master}, against the same call
 * with no interceptor, with an interceptor that does nothing, and with the container's
 * {@code @ActivateRequestContext}, on Weld SE. Three cases: the call is made where no
 * request context is active, so that it opens and ends one ({@code frame=none}: a timer,
 * a thread of the application's own); it is the outermost frame of its unit of work, in
 * a request context someone else activated ({@code outermost}: a web request without
 * dbchooser's filter, a message, a batch step); it is made inside a {@code GET} request
 * whose route dbchooser's filter has set, as on a server, where each call is a nested
 * frame ({@code nested}). The methods do no database work: what
 * is measured is routing's own cost. There is no database either: the replica monitor
 * asks the servers once an hour, not every second, and its first checks (each a failed
 * Hibernate start, about 15 s in all, on the other core) end during the 30 s of warm-up;
 * otherwise they show in the timings and in the allocation, which JMH counts over the
 * whole JVM.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 6, time = 5)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InterceptorBenchmark {

    /** Whether each call opens a request context, is the outermost frame of its unit of work, or is nested in a web request's. */
    @Param({"none", "outermost", "nested"})
    public String frame;

    private WeldContainer container;
    private RequestContextController requestContext;
    private BenchmarkBeans.Plain plain;
    private BenchmarkBeans.EmptyIntercepted emptyIntercepted;
    private BenchmarkBeans.RequestContextWork activateRequestContext;
    private BenchmarkBeans.ReadOnlyWork readOnly;
    private BenchmarkBeans.MasterWork master;

    @Setup(Level.Trial)
    public void start() {
        System.setProperty("db_chooser.health-interval", "1h");
        container = new Weld("benchmark").initialize();
        requestContext = container.select(RequestContextController.class).get();
        if (!frame.equals("none")) {
            requestContext.activate();
        }
        plain = container.select(BenchmarkBeans.Plain.class).get();
        emptyIntercepted = container.select(BenchmarkBeans.EmptyIntercepted.class).get();
        activateRequestContext = container.select(BenchmarkBeans.RequestContextWork.class).get();
        readOnly = container.select(BenchmarkBeans.ReadOnlyWork.class).get();
        master = container.select(BenchmarkBeans.MasterWork.class).get();
    }

    /**
     * For {@code frame=nested}: the unit of work of a {@code GET} request, opened by the code
     * dbchooser's {@code RouteFilter} opens it with, around all the calls of an iteration, on their thread.
     */
    @Setup(Level.Iteration)
    public void openWebRequest() {
        if (frame.equals("nested")) {
            RequestUnitOfWork.open(container.select(DeploymentState.class).get(), "GET", "GET /layers");
        }
    }

    @TearDown(Level.Iteration)
    public void closeWebRequest() {
        RouteContext.close();
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (!frame.equals("none")) {
            requestContext.deactivate();
        }
        container.close();
    }

    @Benchmark
    public int noInterceptor() {
        return plain.work(7);
    }

    @Benchmark
    public int emptyInterceptor() {
        return emptyIntercepted.work(7);
    }

    @Benchmark
    public int activateRequestContext() {
        return activateRequestContext.work(7);
    }

    @Benchmark
    public int readOnly() {
        return readOnly.work(7);
    }

    @Benchmark
    public int master() {
        return master.work(7);
    }
}
