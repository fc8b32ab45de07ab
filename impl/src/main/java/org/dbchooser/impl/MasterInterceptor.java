package org.dbchooser.impl;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.dbchooser.Master;
import org.dbchooser.Route;

@Master
@Interceptor
@Priority(RouteInterceptor.PRIORITY)
class MasterInterceptor extends RouteInterceptor {

    private static final long serialVersionUID = 1L;

    @Inject
    MasterInterceptor(RouteFrames frames, DbChooserExtension extension) {
        super(frames, extension, Route.MASTER);
    }
}
