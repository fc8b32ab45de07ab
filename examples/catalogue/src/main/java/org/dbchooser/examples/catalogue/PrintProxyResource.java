package org.dbchooser.examples.catalogue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.dbchooser.examples.catalogue.Views.Report;

/**
 * GeoMapFish's print proxy: a POST that only reads. The {@code db_chooser.slave}
 * pattern {@code \w+ /api/printproxy/.*} sends it to the slave.
 */
@Path("printproxy")
@Produces(MediaType.APPLICATION_JSON)
public class PrintProxyResource {

    @Inject
    EntityManager em;

    @POST
    @Path("report")
    public Report report() {
        long layers = em.createQuery("select count(l) from Layer l", Long.class).getSingleResult();
        long pois = em.createQuery("select count(p) from Poi p", Long.class).getSingleResult();
        boolean standby = (Boolean) em.createNativeQuery("select pg_is_in_recovery()").getSingleResult();
        return new Report(layers, pois, standby ? "slave" : "master");
    }
}
