package org.dbchooser.impl.cdi;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.dbchooser.Master;
import org.dbchooser.Route;
import org.dbchooser.impl.config.DeploymentState;

@Master
@Interceptor
@Priority(RouteInterceptor.PRIORITY)
class MasterInterceptor extends RouteInterceptor {

    private static final long serialVersionUID = 1L;

    @Inject
    MasterInterceptor(RouteFrames frames, DeploymentState state) {
        super(frames, state, Route.MASTER);
    }
}
