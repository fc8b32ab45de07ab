package org.dbchooser.impl.cdi;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.dbchooser.ReadOnly;
import org.dbchooser.Route;
import org.dbchooser.impl.config.DeploymentState;

@ReadOnly
@Interceptor
@Priority(RouteInterceptor.PRIORITY)
class ReadOnlyInterceptor extends RouteInterceptor {

    private static final long serialVersionUID = 1L;

    @Inject
    ReadOnlyInterceptor(RouteFrames frames, DeploymentState state) {
        super(frames, state, Route.SLAVE);
    }
}
