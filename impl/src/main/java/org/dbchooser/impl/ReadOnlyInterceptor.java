package org.dbchooser.impl;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.dbchooser.ReadOnly;
import org.dbchooser.Route;

@ReadOnly
@Interceptor
@Priority(RouteInterceptor.PRIORITY)
class ReadOnlyInterceptor extends RouteInterceptor {

    private static final long serialVersionUID = 1L;

    @Inject
    ReadOnlyInterceptor(RouteFrames frames, DbChooserExtension extension) {
        super(frames, extension, Route.SLAVE);
    }
}
