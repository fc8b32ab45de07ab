package org.dbchooser.examples.catalogue;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.dbchooser.DbChooserException;
import org.dbchooser.Routing;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The example's opt-in window on routing (dbchooser itself adds nothing to responses):
 * with {@code catalogue.show-server=true}, every response says the request's route and
 * which database server, in its own words, is behind it.
 *
 * <p>It runs after the answer is made, the {@link FailureMapper}'s included, and must
 * never change it: when the server cannot be asked, the header says so and the answer
 * goes out as it was.
 */
@Provider
public class ShowServerFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(ShowServerFilter.class.getName());

    @Inject
    @ConfigProperty(name = "catalogue.show-server", defaultValue = "false")
    boolean showServer;

    @Inject
    Routing routing;

    @Inject
    EntityManager em;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!showServer) {
            return;
        }
        try {
            response.getHeaders().add("X-Db-Route", routing.current().name().toLowerCase());
            response.getHeaders().add("X-Db-Server", server(request, response));
        } catch (RuntimeException failure) {
            // a diagnostic must never cost the answer: whatever failed, it goes out unchanged
            LOG.log(Level.FINE, "X-Db-* headers left out", failure);
        }
    }

    private String server(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            // the FailureMapper's answer for the master down or maintenance: the master cannot
            // be asked (it would fail again, or make the answer wait for it), and it is no news
            return "not asked (503)";
        }
        try {
            Object[] server = (Object[]) em.createNativeQuery(
                    "select host(inet_server_addr()) || ':' || inet_server_port(), pg_is_in_recovery()").getSingleResult();
            return server[0] + ((Boolean) server[1] ? " (standby)" : " (primary)");
        } catch (RuntimeException failure) {
            LOG.log(Level.FINE, failure, () -> "could not ask the database server behind " + request.getMethod() + " "
                    + request.getUriInfo().getPath());
            return "unknown (could not ask: " + reason(failure) + ")";
        }
    }

    /** The dbchooser code in the causes (DBCHOOSER-310 while the master is down), else the failure's type. */
    private static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DbChooserException dbChooser) {
                return dbChooser.code();
            }
        }
        return failure.getClass().getSimpleName();
    }
}
