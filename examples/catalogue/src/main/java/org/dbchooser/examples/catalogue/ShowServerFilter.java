package org.dbchooser.examples.catalogue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import org.dbchooser.Routing;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The example's opt-in window on routing (dbchooser itself adds nothing to responses):
 * with {@code catalogue.show-server=true}, every response says the request's route and
 * which database server, in its own words, is behind it.
 */
@Provider
public class ShowServerFilter implements ContainerResponseFilter {

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
        response.getHeaders().add("X-Db-Route", routing.current().name().toLowerCase());
        Object[] server = (Object[]) em.createNativeQuery(
                "select host(inet_server_addr()) || ':' || inet_server_port(), pg_is_in_recovery()").getSingleResult();
        response.getHeaders().add("X-Db-Server", server[0] + ((Boolean) server[1] ? " (standby)" : " (primary)"));
    }
}
