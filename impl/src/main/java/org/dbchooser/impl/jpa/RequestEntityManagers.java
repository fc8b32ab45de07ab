package org.dbchooser.impl.jpa;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.dbchooser.impl.routing.RouteContext;
import org.dbchooser.impl.routing.RouteRules;

/**
 * The entity managers of the unit of work a request context carries (an HTTP request,
 * or a request context someone else activated): opened on first use, closed with the
 * request context, so that entities read in a {@code @ReadOnly} call stay managed for
 * the rest of the request. A frame that activated the request context itself holds its
 * own instead, for exactly as long (see {@code RouteFrames}), and never reaches this bean.
 *
 * <p>Each call through the container's client proxy costs a context lookup: the first
 * call inside a unit of work hands the entity managers to the thread's
 * {@link RouteContext}, and the unit of work's later calls take them from there
 * ({@link #of}).
 */
@RequestScoped
public class RequestEntityManagers {

    private final UnitsOfWork unitsOfWork;
    private RouteEntityManagers entityManagers;

    @Inject
    RequestEntityManagers(UnitsOfWork unitsOfWork) {
        this.unitsOfWork = unitsOfWork;
    }

    /** For the container's proxy, which only forwards calls. */
    RequestEntityManagers() {
        this.unitsOfWork = null;
    }

    /**
     * The entity managers of the unit of work running on this thread: those its route
     * context holds, else the request context's ({@code request}, the container's proxy;
     * it throws {@code ContextNotActiveException} where no request context is active).
     */
    public static RouteEntityManagers of(RouteContext context, RequestEntityManagers request) {
        RouteEntityManagers held = context.entityManagers();
        return held != null ? held : request.current();
    }

    /**
     * What stickiness asks, answered for the unit of work running on the thread when it
     * asks (made once, by each of those that ask: the frames and the routed entity manager).
     */
    public static RouteRules.MasterTransaction masterTransaction(RequestEntityManagers request) {
        return () -> of(RouteContext.current(), request).masterTransactionActive();
    }

    /**
     * This request context's entity managers, opened on first use. Public: Weld's client
     * proxy calls a package-private method by reflection, with an argument array per call.
     */
    public RouteEntityManagers current() {
        if (entityManagers == null) {
            entityManagers = unitsOfWork.open();
        }
        RouteContext context = RouteContext.current();
        if (context != RouteContext.NONE && context.entityManagers() == null) {
            context.entityManagers(entityManagers);
        }
        return entityManagers;
    }

    @PreDestroy
    void close() {
        if (entityManagers == null) {
            return;
        }
        RouteContext context = RouteContext.current();
        if (context.entityManagers() == entityManagers) {
            context.entityManagers(null);
        }
        try {
            entityManagers.close();
        } finally {
            entityManagers = null;
        }
    }
}
