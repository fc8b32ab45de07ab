package org.dbchooser.impl.http;

import org.dbchooser.impl.routing.RequestPaths;
import org.dbchooser.impl.routing.RouteContext;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dbchooser.impl.config.DeploymentState;
import org.dbchooser.impl.Messages;

/**
 * Sets the route of each HTTP request with the seed's rule (see {@link RequestRouter})
 * and clears it when the request ends, so that nothing is left on the pooled thread.
 * Registered for every request by the library's {@code META-INF/web-fragment.xml}.
 */
public class RouteFilter implements Filter {

    private static final Logger LOG = Logger.getLogger(RouteFilter.class.getName());

    @Inject
    DeploymentState state;

    @Inject
    ReadYourWrites readYourWrites;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http)) {
            chain.doFilter(request, response);
            return;
        }
        String method = http.getMethod();
        RouteContext context = openUnitOfWork(state, method,
                method + " " + RequestPaths.normalize(http.getRequestURI(), http.getContextPath()));
        try {
            if (readYourWrites.enabled() && response instanceof HttpServletResponse httpResponse) {
                readYourWrites.beforeRequest(http, context);
                TokenResponse tokened = new TokenResponse(httpResponse, () -> readYourWrites.beforeResponse(httpResponse, context));
                chain.doFilter(request, tokened);
                tokened.start();
            } else {
                chain.doFilter(request, response);
            }
        } finally {
            RouteContext.close();
        }
    }

    /**
     * Opens the unit of work of a request on this thread, with the route the seed's rule
     * gives {@code methodAndPath}; whoever opens it ends it with {@link RouteContext#close()}.
     */
    public static RouteContext openUnitOfWork(DeploymentState state, String method, String methodAndPath) {
        RouteContext context = RouteContext.open();
        if (!context.isClean()) {
            LOG.warning(Messages.routeLeftOnThread());
            context.clear();
        }
        context.decision(state.requestRouter().decide(method, methodAndPath));
        state.statistics().decided(context.decision());
        context.request(methodAndPath);
        context.enter();
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(methodAndPath + " -> " + context.route().name().toLowerCase() + " (" + context.decision().origin() + ")");
        }
        return context;
    }
}
