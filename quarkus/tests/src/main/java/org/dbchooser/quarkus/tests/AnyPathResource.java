package org.dbchooser.quarkus.tests;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * Answers every method under {@code /anything} with the server that ran its query, in
 * the body and in the {@code X-Served-By} header (HEAD has no body).
 */
@Path("anything/{path: .*}")
public class AnyPathResource {

    @Inject
    ServedBy servedBy;

    private Response served() {
        String server = servedBy.server();
        return Response.ok(server).header("X-Served-By", server).build();
    }

    @GET
    public Response get() {
        return served();
    }

    @HEAD
    public Response head() {
        return served();
    }

    @OPTIONS
    public Response options() {
        return served();
    }

    @POST
    public Response post() {
        return served();
    }

    @PUT
    public Response put() {
        return served();
    }

    @PATCH
    public Response patch() {
        return served();
    }

    @DELETE
    public Response delete() {
        return served();
    }
}
