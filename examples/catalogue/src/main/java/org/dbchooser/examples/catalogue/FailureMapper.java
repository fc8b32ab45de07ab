package org.dbchooser.examples.catalogue;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.dbchooser.DbChooserException;

/** A dbchooser failure, wherever it is in the causes, becomes a 500 that says what happened and how to fix it. */
@Provider
public class FailureMapper implements ExceptionMapper<RuntimeException> {

    @Override
    public Response toResponse(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DbChooserException dbChooser) {
                return Response.serverError().type(MediaType.TEXT_PLAIN).entity(dbChooser.getMessage() + "\n").build();
            }
            if (t instanceof jakarta.ws.rs.WebApplicationException web) {
                return web.getResponse();
            }
        }
        return Response.serverError().type(MediaType.TEXT_PLAIN).entity(failure + "\n").build();
    }
}
