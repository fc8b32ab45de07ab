package org.dbchooser.impl.http;

import org.dbchooser.impl.routing.RequestPaths;
import org.dbchooser.impl.routing.RouteContext;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dbchooser.impl.config.DeploymentState;

/**
 * Sets the route of each HTTP request with the seed's rule (see {@link RequestRouter})
 * and clears it when the request ends, so that nothing is left on the pooled thread.
 * Registered for every request by the library's {@code META-INF/web-fragment.xml}.
 */
public class RouteFilter implements Filter {

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
        RouteContext context = RequestUnitOfWork.open(state, method,
                method + " " + RequestPaths.normalize(http.getRequestURI(), http.getContextPath()));
        try {
            if (readYourWrites.enabled() && response instanceof HttpServletResponse httpResponse) {
                readYourWrites.beforeRequest(new ServletTokens(http, httpResponse), context);
                TokenResponse tokened = new TokenResponse(httpResponse,
                        () -> readYourWrites.beforeResponse(new ServletTokens(http, httpResponse), context));
                chain.doFilter(request, tokened);
                tokened.start();
            } else {
                chain.doFilter(request, response);
            }
        } finally {
            RouteContext.close();
        }
    }
}
