package org.dbchooser.impl.cdi;

import org.dbchooser.impl.routing.RouteContext;
import org.dbchooser.impl.routing.RouteDecision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.dbchooser.Route;
import org.dbchooser.Routing;

/** The programmatic API: an explicit frame around a block. */
@ApplicationScoped
class RoutingBean implements Routing {

    private final RouteFrames frames;

    @Inject
    RoutingBean(RouteFrames frames) {
        this.frames = frames;
    }

    /** For the container's proxy. */
    RoutingBean() {
        this(null);
    }

    @Override
    public Route current() {
        return RouteContext.current().route();
    }

    @Override
    public <T, E extends Exception> T call(Route route, Work<T, E> work) throws E {
        return frames.within(RouteDecision.programmatic(route), work);
    }

    @Override
    public void run(Route route, Runnable work) {
        frames.within(RouteDecision.programmatic(route), () -> {
            work.run();
            return null;
        });
    }
}
