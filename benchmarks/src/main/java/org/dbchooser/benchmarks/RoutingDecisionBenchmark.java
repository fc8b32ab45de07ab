package org.dbchooser.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.dbchooser.impl.routing.RequestRouter;
import org.dbchooser.impl.routing.RequestPaths;
import org.dbchooser.impl.routing.RouteDecision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of routing one HTTP request, as the servlet filter does it: normalise the
 * path, then match {@code "METHOD PATH"} against the configured patterns and fall back
 * to the method. The patterns are GeoMapFish-like, none of which matches, the worst
 * case: every pattern is tried.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoutingDecisionBenchmark {

    @Param({"0", "10", "100", "1000"})
    int patterns;

    @Param({"50", "1000", "10000"})
    int pathBytes;

    private RequestRouter router;
    private String requestUri;

    @Setup
    public void setUp() {
        List<Pattern> master = new ArrayList<>();
        List<Pattern> slave = new ArrayList<>();
        for (int i = 0; i < patterns; i++) {
            // half each side, shaped like GeoMapFish's: a method, a path prefix, a wildcard
            (i % 2 == 0 ? master : slave).add(Pattern.compile((i % 2 == 0 ? "GET" : "\\w+") + " /service" + i + "/.*"));
        }
        router = new RequestRouter(master, slave, Set.of("GET", "HEAD", "OPTIONS"));
        StringBuilder path = new StringBuilder("/app/api/layers");
        while (path.length() < pathBytes) {
            path.append("/segment");
        }
        requestUri = path.substring(0, pathBytes);
    }

    @Benchmark
    public RouteDecision decide() {
        String methodAndPath = "GET " + RequestPaths.normalize(requestUri, "/app");
        return router.decide("GET", methodAndPath);
    }
}
