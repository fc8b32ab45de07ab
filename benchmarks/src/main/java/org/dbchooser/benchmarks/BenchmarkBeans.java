package org.dbchooser.benchmarks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;

import org.dbchooser.Master;
import org.dbchooser.ReadOnly;
import org.dbchooser.Route;
import org.dbchooser.impl.routing.RouteContext;

/** The beans {@link InterceptorBenchmark} calls: the same trivial method, five ways. */
public final class BenchmarkBeans {

    private BenchmarkBeans() {
    }

    @ApplicationScoped
    public static class Plain {
        public int work(int x) {
            return x * 31 + 1;
        }
    }

    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Noop {
    }

    /** An interceptor that only proceeds: the container's own cost of intercepting. */
    @Noop
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    public static class NoopInterceptor {
        @AroundInvoke
        Object proceed(InvocationContext invocation) throws Exception {
            return invocation.proceed();
        }
    }

    @Noop
    @ApplicationScoped
    public static class EmptyIntercepted {
        public int work(int x) {
            return x * 31 + 1;
        }
    }

    /**
     * The container's own interceptor that gives a call a request context where none is
     * active, as dbchooser's outermost frame does: the floor under a routed call made
     * outside any request context.
     */
    @ActivateRequestContext
    @ApplicationScoped
    public static class RequestContextWork {
        public int work(int x) {
            return x * 31 + 1;
        }
    }

    @ReadOnly
    @ApplicationScoped
    public static class ReadOnlyWork {
        public int work(int x) {
            // reads the route, as the routed EntityManager does on each call
            return RouteContext.current().route() == Route.SLAVE ? x * 31 + 1 : -1;
        }
    }

    @Master
    @ApplicationScoped
    public static class MasterWork {
        public int work(int x) {
            return RouteContext.current().route() == Route.MASTER ? x * 31 + 1 : -1;
        }
    }
}
