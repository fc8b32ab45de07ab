package org.dbchooser.itests;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

/** Runs work in a request context of its own, as a servlet container does for a request. */
@ApplicationScoped
public class RequestContextWork {

    @ActivateRequestContext
    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
