package org.dbchooser.examples.catalogue;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.dbchooser.Maintenance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An operator's switch for GeoMapFish's read-only maintenance mode: {@code PUT} turns it
 * on (every request reads from the slave, every write answers 503), {@code DELETE} turns
 * it off. Off unless {@code catalogue.admin=true} (environment {@code CATALOGUE_ADMIN}):
 * an application of your own puts such an endpoint behind its administrators' login.
 */
@Path("admin/read-only")
@Produces(MediaType.APPLICATION_JSON)
public class MaintenanceResource {

    /** The answer: whether the application is read-only now. */
    public record State(boolean readOnly) {
    }

    @Inject
    @ConfigProperty(name = "catalogue.admin", defaultValue = "false")
    boolean enabled;

    @Inject
    Maintenance maintenance;

    @GET
    public State get() {
        requireEnabled();
        return new State(maintenance.isReadOnly());
    }

    @PUT
    public State on() {
        requireEnabled();
        maintenance.setReadOnly(true);
        return new State(true);
    }

    @DELETE
    public State off() {
        requireEnabled();
        maintenance.setReadOnly(false);
        return new State(false);
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new NotFoundException();
        }
    }
}
