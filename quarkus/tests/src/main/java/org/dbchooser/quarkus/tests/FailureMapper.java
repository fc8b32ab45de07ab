package org.dbchooser.quarkus.tests;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.dbchooser.DbChooserException;
import org.dbchooser.MaintenanceModeException;
import org.dbchooser.MasterUnavailableException;

/**
 * Turns a failure into an answer whose body is the message of the dbchooser exception
 * in its causes, if any: 503 with {@code Retry-After} for the two the README says to map
 * so, 500 for everything else.
 */
@Provider
public class FailureMapper implements ExceptionMapper<RuntimeException> {

    @Override
    public Response toResponse(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MasterUnavailableException || t instanceof MaintenanceModeException) {
                return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                        .type(MediaType.TEXT_PLAIN).entity(t.getMessage()).build();
            }
        }
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
