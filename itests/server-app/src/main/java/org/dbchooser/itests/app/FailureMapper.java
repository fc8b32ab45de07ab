package org.dbchooser.itests.app;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.dbchooser.DbChooserException;

/** Turns a failure into a 500 whose body is the message of the dbchooser exception in its causes, if any. */
@Provider
public class FailureMapper implements ExceptionMapper<RuntimeException> {

    @Override
    public Response toResponse(RuntimeException failure) {
        String message = String.valueOf(failure);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DbChooserException dbChooser) {
                message = dbChooser.getMessage();
                break;
            }
        }
        return Response.serverError().type(MediaType.TEXT_PLAIN).entity(message).build();
    }
}
