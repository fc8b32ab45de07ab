package org.dbchooser.quarkus;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.dbchooser.impl.config.DeploymentState;
import org.dbchooser.impl.http.ReadYourWrites;
import org.dbchooser.impl.http.RequestUnitOfWork;
import org.dbchooser.impl.routing.RequestPaths;
import org.dbchooser.impl.routing.RouteContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The unit of work of an HTTP request on Quarkus REST, around the resource method, on
 * the thread that runs it: the seed's rule gives it its route (as the servlet filter
 * does on WildFly and Payara), read-your-writes reads the client's token before and
 * adds the response's after, and the route is cleared in {@code finally}, whether the
 * method returns or throws. Before the {@code @ReadOnly} / {@code @Master} interceptors,
 * so that an annotation on the resource method itself beats the request's route.
 */
@RoutedRequest
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RequestFrameInterceptor {

    private final DeploymentState state;
    private final ReadYourWrites readYourWrites;
    private final CurrentVertxRequest currentRequest;
    /** {@code quarkus.http.root-path} as a context path: {@code ""} for the root, else without a trailing slash. */
    private final String contextPath;

    @Inject
    RequestFrameInterceptor(DeploymentState state, ReadYourWrites readYourWrites, CurrentVertxRequest currentRequest,
            @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/") String rootPath) {
        this.state = state;
        this.readYourWrites = readYourWrites;
        this.currentRequest = currentRequest;
        this.contextPath = rootPath.endsWith("/") ? rootPath.substring(0, rootPath.length() - 1) : rootPath;
    }

    @AroundInvoke
    Object frame(InvocationContext invocation) throws Exception {
        RoutingContext routing = RouteContext.current() == RouteContext.NONE ? currentRequest.getCurrent() : null;
        if (routing == null) {
            // inside a unit of work already (a resource called from other work), or not in an HTTP request
            return invocation.proceed();
        }
        HttpServerRequest request = routing.request();
        String method = request.method().name();
        RouteContext context = RequestUnitOfWork.open(state, method,
                method + " " + RequestPaths.normalize(request.path(), contextPath));
        try {
            if (!readYourWrites.enabled()) {
                return invocation.proceed();
            }
            VertxTokens tokens = new VertxTokens(routing);
            readYourWrites.beforeRequest(tokens, context);
            Object result = invocation.proceed();
            // a method that threw answers no token: its writes, if any, were rolled back
            tokens.returned(result);
            readYourWrites.beforeResponse(tokens, context);
            return result;
        } finally {
            RouteContext.close();
        }
    }
}
