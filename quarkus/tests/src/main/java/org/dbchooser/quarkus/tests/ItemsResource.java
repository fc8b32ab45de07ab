package org.dbchooser.quarkus.tests;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.dbchooser.Maintenance;
import org.dbchooser.ReadOnly;
import org.dbchooser.Route;
import org.dbchooser.Routing;

/** Reads and writes in every combination the tests need; each answer names the servers that ran the work. */
@Path("items")
@Produces(MediaType.TEXT_PLAIN)
public class ItemsResource {

    @Inject
    ServedBy servedBy;

    @Inject
    ReadOnlyWork readOnlyWork;

    @Inject
    MasterWork masterWork;

    @Inject
    Maintenance maintenance;

    @Inject
    Routing routing;

    /** Inside a POST: the route before, a block on the slave, and the route after, each with its server. */
    @POST
    @Path("routing-block")
    public String routingBlock() {
        String before = routing.current() + " " + servedBy.server();
        String inside = routing.call(Route.SLAVE, () -> routing.current() + " " + servedBy.server());
        return before + "," + inside + "," + routing.current() + " " + servedBy.server();
    }

    /** Read-only maintenance on or off; answers the mode it is in. */
    @POST
    @Path("maintenance/{mode: on|off}")
    public String maintenance(@PathParam("mode") String mode) {
        maintenance.setReadOnly(mode.equals("on"));
        return maintenance.isReadOnly() ? "read-only" : "read-write";
    }

    /** A POST that db_chooser.slave sends to the slave. */
    @POST
    @Path("lookup/{name}")
    public String lookup(@PathParam("name") String name) {
        return servedBy.count(name);
    }

    /** A POST whose resource method itself says @ReadOnly: the annotation beats the request's route. */
    @POST
    @Path("annotated-read")
    @ReadOnly
    public String annotatedRead() {
        return servedBy.server();
    }

    @GET
    @Path("count/{name}")
    public String count(@PathParam("name") String name) {
        return servedBy.count(name);
    }

    @POST
    @Path("{name}")
    @Transactional
    public String create(@PathParam("name") String name) {
        servedBy.insert(name);
        return servedBy.server();
    }

    /** A GET that writes, with no override: refused with dbchooser's message, nothing written. */
    @GET
    @Path("visit/{name}")
    @Transactional
    public String visit(@PathParam("name") String name) {
        servedBy.insert(name);
        return servedBy.server();
    }

    /** The same write on a GET that db_chooser.master lists (like GeoMapFish's URL shortener). */
    @GET
    @Path("short/{name}")
    @Transactional
    public String shorten(@PathParam("name") String name) {
        servedBy.insert(name);
        return servedBy.server();
    }

    @POST
    @Path("read-only-bean")
    public String readOnlyBean() {
        return readOnlyWork.server();
    }

    @GET
    @Path("master-method")
    public String masterMethod() {
        return readOnlyWork.masterServer() + "," + servedBy.server();
    }

    /** Reads on the slave, writes through @Master, reads through @ReadOnly: one JTA transaction. */
    @GET
    @Path("read-write-read/{name}")
    @Transactional
    public String readWriteRead(@PathParam("name") String name) {
        return servedBy.server() + "," + masterWork.insert(name) + "," + readOnlyWork.server();
    }

    /** Writes through @Master, then fails: the transaction rolls back and nothing stays on either server. */
    @POST
    @Path("rollback/{name}")
    @Transactional
    public String rollback(@PathParam("name") String name) {
        masterWork.insert(name);
        throw new IllegalStateException("failing after the write, on purpose");
    }
}
