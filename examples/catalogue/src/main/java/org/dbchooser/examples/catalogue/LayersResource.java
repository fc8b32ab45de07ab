package org.dbchooser.examples.catalogue;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.dbchooser.examples.catalogue.Views.LayerView;
import org.dbchooser.examples.catalogue.Views.PoiView;

/** Layers and their points of interest: GET reads from the slave, POST/PUT/DELETE write on the master. */
@Path("layers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LayersResource {

    @Inject
    Catalogue catalogue;

    @GET
    public List<LayerView> list() {
        return catalogue.layers();
    }

    @GET
    @Path("{id}")
    public LayerView get(@PathParam("id") long id) {
        return catalogue.layer(id).orElseThrow(NotFoundException::new);
    }

    @POST
    public Response create(LayerView input) {
        LayerView created = catalogue.createLayer(input);
        return Response.created(URI.create("layers/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public LayerView update(@PathParam("id") long id, LayerView input) {
        return catalogue.updateLayer(id, input).orElseThrow(NotFoundException::new);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        if (!catalogue.deleteLayer(id)) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/pois")
    public List<PoiView> pois(@PathParam("id") long id) {
        return catalogue.pois(id);
    }

    @POST
    @Path("{id}/pois")
    public Response addPoi(@PathParam("id") long id, PoiView input) {
        PoiView created = catalogue.addPoi(id, input).orElseThrow(NotFoundException::new);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }
}
