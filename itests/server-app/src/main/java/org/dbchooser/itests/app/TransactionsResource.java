package org.dbchooser.itests.app;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.dbchooser.Maintenance;
import org.dbchooser.Route;
import org.dbchooser.Routing;

/**
 * JTA transactions that have written on the master, what the provider's own objects
 * talk to, and read-only maintenance mode. Counts answer {@code "<count> <port> standby|master"},
 * servers {@code "<port> standby|master"}; several answers are joined with commas.
 */
@Path("transactions")
@Produces(MediaType.TEXT_PLAIN)
public class TransactionsResource {

    @Inject
    ServedBy servedBy;

    @Inject
    MasterBean masterBean;

    @Inject
    MasterEjb masterEjb;

    @Inject
    ReadOnlyBean readOnlyBean;

    @Inject
    TransactionalBean transactionalBean;

    @Inject
    ProviderObjects providerObjects;

    @Inject
    Routing routing;

    @Inject
    Maintenance maintenance;

    /**
     * A GET (slave route) whose transaction writes through @Master, then counts the row
     * three ways that would each read the slave outside it: unannotated, @ReadOnly, and a
     * block asking for the slave. The transaction has used the master, so all three must
     * read there and see its uncommitted row.
     */
    @GET
    @Path("sticky/{name}")
    @Transactional
    public String sticky(@PathParam("name") String name) {
        masterBean.insert(name);
        String unannotated = servedBy.count(name);
        String readOnly = readOnlyBean.count(name);
        String slaveBlock = routing.call(Route.SLAVE, () -> servedBy.count(name));
        return unannotated + "," + readOnly + "," + slaveBlock;
    }

    /** The same with an EJB (container-managed, REQUIRED) doing the write in the caller's transaction. */
    @GET
    @Path("sticky-ejb/{name}")
    @Transactional
    public String stickyAfterEjb(@PathParam("name") String name) {
        String written = masterEjb.insert(name);
        return written + "," + servedBy.count(name);
    }

    /**
     * A GET with no transaction of its own calls a @Transactional bean that writes and
     * counts on the master; once that transaction has ended, the request reads the slave again.
     */
    @GET
    @Path("after-transaction/{name}")
    public String afterTransaction(@PathParam("name") String name) {
        String inTransaction = transactionalBean.insertThenCount(name);
        return inTransaction + "," + servedBy.server();
    }

    /**
     * The provider's own query and session, named by the test: first on the slave route
     * (a GET, unannotated), then on the master route (a @Master bean).
     */
    @GET
    @Path("unwrap")
    public String unwrapOnBothRoutes(@QueryParam("query") String queryType, @QueryParam("session") String sessionType) {
        return providerObjects.report(queryType, sessionType) + "," + masterBean.reportProviderObjects(queryType, sessionType);
    }

    /** The operator's switch; the tests share the deployment, so they always turn it off again. */
    @POST
    @Path("maintenance/{state: on|off}")
    public String switchMaintenance(@PathParam("state") String state) {
        maintenance.setReadOnly(state.equals("on"));
        return maintenance.isReadOnly() ? "read-only" : "read-write";
    }

    /** A write through the EJB, in its own container-managed transaction. */
    @POST
    @Path("ejb-insert/{name}")
    public String ejbInsert(@PathParam("name") String name) {
        return masterEjb.insert(name);
    }

    /** A bulk native write through the @Master CDI bean, in this method's transaction. */
    @POST
    @Path("native-insert/{name}")
    @Transactional
    public String nativeInsert(@PathParam("name") String name) {
        return masterBean.insertNative(name);
    }
}
