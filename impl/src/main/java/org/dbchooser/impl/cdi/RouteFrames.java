package org.dbchooser.impl.cdi;

import org.dbchooser.impl.jpa.RequestEntityManagers;
import org.dbchooser.impl.jpa.RouteEntityManagers;
import org.dbchooser.impl.jpa.UnitsOfWork;
import org.dbchooser.impl.routing.RouteContext;
import org.dbchooser.impl.routing.RouteDecision;
import org.dbchooser.impl.routing.RouteRules;
import org.dbchooser.impl.routing.RouteStatistics;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.dbchooser.Route;
import org.dbchooser.Routing;
import org.dbchooser.impl.config.DeploymentState;

/**
 * Runs work inside a route frame: an annotated call or an explicit {@link Routing}
 * block. The one place where the precedence rules between frames and the
 * transaction stickiness are applied, and where the previous route is restored.
 * Public, as are the methods the interceptors call through the container's client
 * proxy: Weld's proxy calls a package-private method by reflection, with an argument
 * array per call.
 */
@ApplicationScoped
public class RouteFrames {

    private static final Logger LOG = Logger.getLogger(RouteFrames.class.getName());

    /** How many idle controllers are kept: more than the threads that open frames at once, on any server. */
    private static final int IDLE_CONTROLLERS = 64;

    private final Instance<RequestContextController> requestContexts;
    /**
     * Controllers not in use, reused by the units of work that open a request context:
     * resolving the dependent bean per outermost call cost more than the rest of the
     * frame. A controller is not thread-safe but may activate again, on any thread, once
     * it has deactivated. Held by this application-scoped bean, not by the threads, so
     * they go with the application. Slots rather than a queue: taking and giving back
     * allocate nothing (a queue allocates a node each time one is given back).
     */
    private final AtomicReferenceArray<RequestContextController> idleRequestContexts =
            new AtomicReferenceArray<>(IDLE_CONTROLLERS);
    private final UnitsOfWork unitsOfWork;
    /** What stickiness asks when a frame opens: about the unit of work running on the thread then. */
    private final RouteRules.MasterTransaction masterTransaction;
    private final RouteStatistics statistics;

    @Inject
    RouteFrames(Instance<RequestContextController> requestContexts, UnitsOfWork unitsOfWork,
            RequestEntityManagers requestEntityManagers, DeploymentState state) {
        this.requestContexts = requestContexts;
        this.unitsOfWork = unitsOfWork;
        this.masterTransaction = RequestEntityManagers.masterTransaction(requestEntityManagers);
        this.statistics = state.statistics();
    }

    /** For the container's proxy, which only forwards calls. */
    RouteFrames() {
        this.requestContexts = null;
        this.unitsOfWork = null;
        this.masterTransaction = null;
        this.statistics = null;
    }

    /**
     * Hands this instance itself to {@code holder}, for an interceptor that keeps it as
     * long as the application runs: its calls then skip the client proxy's context lookup.
     * (Returned rather than handed, the instance would come back as the proxy: Weld's
     * proxy answers itself for a method that returns {@code this}.)
     */
    public void handTo(Consumer<RouteFrames> holder) {
        holder.accept(this);
    }

    /** Work that takes one argument: a caller that has it passes a method reference that captures nothing. */
    public interface Step<A, T, E extends Exception> {
        T run(A argument) throws E;
    }

    public <T, E extends Exception> T within(RouteDecision requested, Routing.Work<T, E> work) throws E {
        return within(requested, Routing.Work::run, work);
    }

    /** Runs {@code step} on {@code argument} inside a frame that asks for {@code requested}. */
    public <A, T, E extends Exception> T within(RouteDecision requested, Step<A, T, E> step, A argument) throws E {
        RouteContext context = RouteContext.open();
        boolean outermost = context.depth() == 0;
        RouteDecision saved = context.decision();
        // The entity managers of a unit of work live as long as its request context;
        // work started outside any (a timer, a thread of its own) gets one for the
        // outermost frame, as @ActivateRequestContext would.
        RequestContextController activated = outermost ? activateRequestContext() : null;
        // A frame that activated the request context ends it too: its entity managers, held
        // here and not by a request-scoped bean, live exactly as long as that context would
        // keep them, and cost no container lookup per call.
        RouteEntityManagers owned = activated != null ? unitsOfWork.open() : null;
        if (owned != null) {
            context.entityManagers(owned);
        } else if (outermost) {
            // the frame joins a unit of work already running (its request context was active):
            // unannotated work before this frame may have opened a transaction on the master
            context.masterUsed(true);
        }
        context.enter();
        try {
            RouteDecision chosen = RouteRules.frame(saved, requested, context, masterTransaction);
            context.decision(chosen);
            statistics.decided(chosen);
            if (chosen != saved && LOG.isLoggable(Level.FINE)) {
                LOG.fine((context.request() == null ? "" : context.request() + ": ") + "-> " + chosen.route().name().toLowerCase()
                        + " (" + chosen.origin() + ")");
            }
            return step.run(argument);
        } finally {
            context.decision(saved);
            context.leave();
            if (outermost) {
                RouteContext.close(); // the unit of work this frame opened ends here
            }
            if (activated != null) {
                try {
                    owned.close();
                } finally {
                    try {
                        activated.deactivate();
                    } finally {
                        giveBack(activated);
                    }
                }
            }
        }
    }

    /**
     * A request context for the outermost frame, unless one is active. The controller
     * answers false when a context is active; asking the bean manager instead would
     * cost an exception, stack trace included, whenever none is.
     */
    private RequestContextController activateRequestContext() {
        RequestContextController controller = takeIdle();
        if (controller.activate()) {
            return controller;
        }
        giveBack(controller);
        return null;
    }

    /** An idle controller, or a new one when none is. */
    private RequestContextController takeIdle() {
        for (int i = 0; i < IDLE_CONTROLLERS; i++) {
            RequestContextController controller = idleRequestContexts.get(i);
            if (controller != null && idleRequestContexts.compareAndSet(i, controller, null)) {
                return controller;
            }
        }
        return requestContexts.get();
    }

    /** Keeps {@code controller} for the next frame; with every slot taken, it is destroyed. */
    private void giveBack(RequestContextController controller) {
        for (int i = 0; i < IDLE_CONTROLLERS; i++) {
            if (idleRequestContexts.get(i) == null && idleRequestContexts.compareAndSet(i, null, controller)) {
                return;
            }
        }
        requestContexts.destroy(controller);
    }

}
