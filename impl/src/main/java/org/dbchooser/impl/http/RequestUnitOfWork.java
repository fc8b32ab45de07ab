package org.dbchooser.impl.http;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.dbchooser.impl.Messages;
import org.dbchooser.impl.config.DeploymentState;
import org.dbchooser.impl.routing.RouteContext;

/**
 * The unit of work of one HTTP request, whatever serves it: the servlet filter
 * ({@link RouteFilter}) and, on Quarkus, the frame around each REST resource method. No
 * servlet type appears here, so a server without the servlet API can use it.
 */
public final class RequestUnitOfWork {

    private static final Logger LOG = Logger.getLogger(RequestUnitOfWork.class.getName());

    private RequestUnitOfWork() {
    }

    /**
     * Opens the unit of work of a request on this thread, with the route the seed's rule
     * gives {@code methodAndPath}; whoever opens it ends it with {@link RouteContext#close()}.
     */
    public static RouteContext open(DeploymentState state, String method, String methodAndPath) {
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
