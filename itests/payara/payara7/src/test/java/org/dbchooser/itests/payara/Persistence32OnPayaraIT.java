package org.dbchooser.itests.payara;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import org.dbchooser.itests.server.ServerRoutingTests;
import org.dbchooser.itests.server.ServerRoutingTests.Answer;
import org.dbchooser.itests.server.Servers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Jakarta Persistence 3.2's methods on a Jakarta EE 11 server (Payara 7, EclipseLink 5),
 * through the routed {@code EntityManager} the application injects: they run where the
 * route says, and a write lock among {@code find}'s options is refused on the slave route
 * before it reaches a server. Only here: Jakarta EE 10 servers have no such methods.
 * (EclipseLink's own {@code runWithConnection} / {@code callWithConnection} pass a null
 * connection unless its persistence context holds one, with or without dbchooser: the
 * connection methods are proven on Hibernate 7, {@code Persistence32IT}.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Persistence32OnPayaraIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return ServerRoutingTests.app("persistence32");
    }

    @ArquillianResource
    URL app;

    @BeforeAll
    static void schema() throws Exception {
        Servers.createSchema();
    }

    @Test
    void getSingleResultOrNullRunsOnTheStandbyInReadOnlyCodeAndOnTheMasterInMasterCode() throws Exception {
        Answer answer = ServerRoutingTests.send("POST", app, "/items/single-or-null");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(Servers.standby() + "," + Servers.master());
    }

    @Test
    void findWithAWriteLockAmongItsOptionsIsRefusedOnTheSlaveRouteBeforeReachingAServer() throws Exception {
        String name = "find-locked-" + UUID.randomUUID();
        Answer created = ServerRoutingTests.send("POST", app, "/items/" + name);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        long id = Servers.idOnMaster(name);
        Servers.waitForStandby();
        List<String> onStandby = Servers.statementsOnStandby(() -> {
            Answer answer = ServerRoutingTests.send("POST", app, "/items/find-locked/" + id);
            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.body()).startsWith("DBCHOOSER-301: write refused on the slave route: EntityManager.find(Item)"
                    + " with lock PESSIMISTIC_WRITE called from ");
        });
        assertThat(onStandby).as("the standby's statement log").noneMatch(sql -> sql.toLowerCase().contains("for update"));
    }
}
