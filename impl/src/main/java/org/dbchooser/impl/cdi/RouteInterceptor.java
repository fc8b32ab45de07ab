package org.dbchooser.impl.cdi;

import org.dbchooser.impl.routing.MethodRoutes;
import org.dbchooser.impl.routing.RouteDecision;

import java.io.Serializable;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.dbchooser.Route;
import org.dbchooser.impl.config.DeploymentState;

/**
 * Shared body of the {@code @ReadOnly} and {@code @Master} interceptors: look up the
 * decision made at deployment for the called method, run the call in its frame.
 */
abstract class RouteInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Before Jakarta Transactions' {@code @Transactional} interceptors
     * ({@code PLATFORM_BEFORE + 200}), so the route is known before a transaction
     * enlists a connection.
     */
    static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 150;

    /** The container's client proxy: what is kept when the intercepted bean is serialized. */
    private final RouteFrames frames;
    /** The application's instance behind it, reached on each call without the proxy's context lookup. */
    private transient RouteFrames instance;
    private final MethodRoutes routes;
    private final Route boundRoute;

    RouteInterceptor(RouteFrames frames, DeploymentState state, Route boundRoute) {
        this.frames = frames;
        this.routes = state.methodRoutes();
        this.boundRoute = boundRoute;
    }

    @AroundInvoke
    Object route(InvocationContext invocation) throws Exception {
        RouteDecision decision = routes.lookup(invocation.getTarget().getClass(), invocation.getMethod(), boundRoute);
        RouteFrames direct = instance;
        if (direct == null) {
            frames.handTo(self -> instance = self);
            direct = instance;
        }
        return direct.within(decision, InvocationContext::proceed, invocation);
    }
}
