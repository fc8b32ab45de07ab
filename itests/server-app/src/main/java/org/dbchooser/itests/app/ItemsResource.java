package org.dbchooser.itests.app;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Writes, in every combination the tests need; each answer names the servers that ran the work. */
@Path("items")
@Produces(MediaType.TEXT_PLAIN)
public class ItemsResource {

    @Inject
    ServedBy servedBy;

    @Inject
    MasterEjb masterEjb;

    @Inject
    ReadOnlyEjb readOnlyEjb;

    @Inject
    ReadOnlyBean readOnlyBean;

    /** A GET that writes, with no override: fails with dbchooser's message. */
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
    @Path("{name}")
    @Transactional
    public String create(@PathParam("name") String name) {
        servedBy.insert(name);
        return servedBy.server();
    }

    /** How many rows are named {@code name}, and which server counted them: {@code "<count> <port> standby|master"}. */
    @GET
    @Path("count/{name}")
    public String count(@PathParam("name") String name) {
        return servedBy.count(name);
    }

    /**
     * Jakarta Persistence 3.2 only (Jakarta EE 11 servers): {@code getSingleResultOrNull}
     * in @ReadOnly code, then in @Master code; each answer names the server that ran it.
     */
    @POST
    @Path("single-or-null")
    public String singleOrNull() {
        return readOnlyBean.serverOrNull() + "," + readOnlyBean.masterServerOrNull();
    }

    /** Jakarta Persistence 3.2 only: {@code find} with a write lock among its options, in @ReadOnly code. */
    @POST
    @Path("find-locked/{id}")
    public String findLocked(@PathParam("id") long id) {
        return readOnlyBean.findLocked(id);
    }

    /**
     * Writes {@code marker} to the server's log: a test that reads a log the server copies
     * in the background knows, once the marker is there, that what came before it is too.
     */
    @POST
    @Path("log-marker/{marker}")
    public String logMarker(@PathParam("marker") String marker) {
        java.util.logging.Logger.getLogger(ItemsResource.class.getName()).info(marker);
        return marker;
    }

    /** Reads on the slave, writes through @Master, reads on the slave again: one JTA transaction, one resource in it. */
    @GET
    @Path("read-write-read/{name}")
    @Transactional
    public String readWriteRead(@PathParam("name") String name) {
        return servedBy.server() + "," + masterEjb.insert(name) + "," + readOnlyBean.server();
    }

    /** Writes through @Master, then fails: the JTA transaction rolls back and nothing stays on either server. */
    @POST
    @Path("rollback/{name}")
    @Transactional
    public String rollback(@PathParam("name") String name) {
        masterEjb.insert(name);
        throw new IllegalStateException("failing after the write, on purpose");
    }

    @POST
    @Path("read-only-ejb")
    public String readOnlyEjb() {
        return readOnlyEjb.server();
    }

    @POST
    @Path("read-only-bean")
    public String readOnlyBean() {
        return readOnlyBean.server();
    }

    @GET
    @Path("master-method")
    public String masterMethod() {
        return readOnlyBean.masterServer() + "," + servedBy.server();
    }
}
