package org.dbchooser.examples.catalogue;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.dbchooser.DbChooserException;
import org.dbchooser.MaintenanceModeException;
import org.dbchooser.MasterUnavailableException;

/**
 * A dbchooser failure, wherever it is in the causes, becomes an answer that says what
 * happened: 503 while the master is down or the application is in read-only
 * maintenance (retry later), 500 for a write attempted on the slave route (a bug to fix).
 */
@Provider
public class FailureMapper implements ExceptionMapper<RuntimeException> {

    @Override
    public Response toResponse(RuntimeException failure) {
        // first the whole chain: another failure may wrap these two (DBCHOOSER-302, a container's
        // EJBException or RollbackException), and they still mean "retry later", not a bug
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MasterUnavailableException || t instanceof MaintenanceModeException) {
                return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                        .type(MediaType.TEXT_PLAIN).entity(t.getMessage() + "\n").build();
            }
        }
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
