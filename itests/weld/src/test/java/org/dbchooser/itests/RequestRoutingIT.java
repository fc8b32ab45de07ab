package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;


import org.dbchooser.SlaveWriteException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.dbchooser.itests.databases.Server;
import org.dbchooser.itests.databases.Item;

/**
 * The seed's rule for HTTP requests, through dbchooser's servlet filter, with
 * db_chooser.master and db_chooser.slave patterns from microprofile-config.properties.
 */
class RequestRoutingIT extends AgainstMasterAndStandby {

    private HttpRequests http() {
        return new HttpRequests(beanManager);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET,     /items/7,                       standby",
            "HEAD,    /items/7,                       standby",
            "OPTIONS, /items/7,                       standby",
            "POST,    /items,                         master",
            "PUT,     /items/7,                       master",
            "PATCH,   /items/7,                       master",
            "DELETE,  /items/7,                       master",
            "TRACE,   /items/7,                       master",
            // db_chooser.master beats the method default and db_chooser.slave (GET /api/.*)
            "GET,     /api/short/create,              master",
            "GET,     /api/short/create?url=x,        master",
            // the path is normalised before matching
            "GET,     //api//short/create,            master",
            "GET,     /api/short;jsessionid=42/create, master",
            "GET,     /api/short/%63reate,            master",
            "GET,     /api/x/../short/create,         master",
            // db_chooser.slave sends a POST that only reads to the slave (\\w+ kept its backslash)
            "POST,    /printproxy/report.pdf,         standby",
            "PUT,     /printproxy/,                   standby",
            // anchored at the start: a path that merely contains the pattern does not match
            "POST,    /v2/printproxy/report.pdf,      master",
            // a method that is not in db_chooser.slave-methods, even if a browser sends it
            "FOO,     /items,                         master",
    })
    void requestRouteComesFromTheServer(String method, String path, String expected) throws Exception {
        Server server = http().serve(method, path, plain::server);
        assertThat(expected.equals("standby") ? server.isStandby() : server.isMaster())
                .as("%s %s ran on %s", method, path, server).isTrue();
    }

    @Test
    void theContextPathIsNotPartOfTheMatchedPath() throws Exception {
        assertThat(http().serve("GET", "/shop/api/short/create", "/shop", plain::server).isMaster()).isTrue();
        assertThat(http().serve("GET", "/api/short/create", "", plain::server).isMaster()).isTrue();
        assertThat(http().serve("GET", "/shop/shop/api/short/create", "/shop", plain::server).isStandby())
                .as("only the context path itself is removed").isTrue();
    }

    @Test
    void annotationsBeatTheRequestRule() throws Exception {
        assertThat(http().serve("GET", "/items", master::server).isMaster()).isTrue();
        assertThat(http().serve("POST", "/items", readOnly::server).isStandby()).isTrue();
    }

    @Test
    void afterAMasterCallTheRequestIsBackOnItsRoute() throws Exception {
        Server[] seen = http().serve("GET", "/items", () -> new Server[] {master.server(), plain.server()});
        assertThat(seen[0].isMaster()).isTrue();
        assertThat(seen[1].isStandby()).isTrue();
    }

    @Test
    void theRouteEndsWithTheRequest() throws Exception {
        http().serve("GET", "/items", plain::server);
        assertThat(plain.server().isMaster()).as("outside any request: master").isTrue();
    }

    @Test
    void aGetThatWritesFailsWithTheRequestInTheMessageAndWritesNothing() throws Exception {
        String name = "get-writes-" + UUID.randomUUID();
        assertThatThrownBy(() -> http().serve("GET", "/api/items/7/visit", () -> plain.insert(name)))
                .isInstanceOf(SlaveWriteException.class)
                .hasMessageStartingWith("DBCHOOSER-301: write refused on the slave route: EntityManager.persist(Item) called from ")
                .hasMessageEndingWith(". The route was chosen by db_chooser.slave pattern 'GET /api/.*'; request: GET /api/items/7/visit."
                        + " Nothing was written. To write here, annotate the method that writes with @Master,"
                        + " or add a db_chooser.master pattern that matches \"GET /api/items/7/visit\".");
        assertThat(Databases.countOnMaster(name)).isZero();
    }

    @Test
    void theSameGetListedInDbChooserMasterWrites() throws Exception {
        String name = "shortened-" + UUID.randomUUID();
        http().serve("GET", "/api/short/create", () -> plain.insert(name));
        assertThat(Databases.countOnMaster(name)).isEqualTo(1);
    }
}
