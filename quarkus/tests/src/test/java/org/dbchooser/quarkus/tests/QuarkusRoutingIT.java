package org.dbchooser.quarkus.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.dbchooser.itests.databases.BuildDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The rules on Quarkus: a Quarkus REST application with two named persistence units,
 * driven by real HTTP requests; every answer names the database server that ran the
 * work, as that server reports it.
 */
@QuarkusTest
@WithTestResource(BuildDatabasesResource.class)
class QuarkusRoutingIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL base;

    record Answer(int status, String body) {
    }

    private Answer send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static String master() {
        return BuildDatabases.masterPort() + " master";
    }

    private static String standby() {
        return BuildDatabases.standbyPort() + " standby";
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @ParameterizedTest(name = "{0} /items/server runs on the {1}")
    @CsvSource({"GET, standby", "POST, master"})
    void eachMethodRunsWhereTheSeedSays(String method, String expected) throws Exception {
        Answer answer = send(method, "/items/server");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(expected.equals("standby") ? standby() : master());
    }

    @Test
    void aPostThatDbChooserSlaveListsReadsFromTheStandby() throws Exception {
        Answer answer = send("POST", "/items/lookup/" + unique("nothing"));
        assertThat(answer.body()).isEqualTo("0 " + standby());
    }

    @Test
    void aPutWritesOnTheMaster() throws Exception {
        String name = unique("put");
        Answer answer = send("PUT", "/items/" + name);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(master());
        assertThat(BuildDatabases.countItems(BuildDatabases.masterPort(), name)).isEqualTo(1);
    }

    @Test
    void aGetThatWritesFailsWithTheDbChooserMessageAndWritesNothing() throws Exception {
        String name = unique("visit");
        Answer answer = send("GET", "/items/visit/" + name);
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).startsWith("DBCHOOSER-301").contains("GET /items/visit/" + name)
                .contains(ServedBy.class.getName() + ".insert");
        assertThat(BuildDatabases.countItems(BuildDatabases.masterPort(), name)).isZero();
    }

    @Test
    void theSameKindOfGetListedInDbChooserMasterWrites() throws Exception {
        String name = unique("short");
        Answer answer = send("GET", "/items/short/" + name);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(master());
        assertThat(BuildDatabases.countItems(BuildDatabases.masterPort(), name)).isEqualTo(1);
    }

    @Test
    void readOnlyOnTheResourceMethodBeatsTheRouteOfItsPost() throws Exception {
        assertThat(send("POST", "/items/annotated-read").body()).isEqualTo(standby());
    }

    @Test
    void readOnlyBeanReadsFromTheStandbyInsideAPost() throws Exception {
        assertThat(send("POST", "/items/read-only-bean").body()).isEqualTo(standby());
    }

    @Test
    void masterMethodInsideAGetRunsOnTheMasterAndTheRequestReturnsToTheStandby() throws Exception {
        assertThat(send("GET", "/items/master-method").body()).isEqualTo(master() + "," + standby());
    }

    @Test
    void insideATransactionThatWroteOnTheMasterEveryReadStaysThere() throws Exception {
        String name = unique("read-write-read");
        Answer answer = send("GET", "/items/read-write-read/" + name);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        // read on the slave; write through @Master; then the transaction has used the master,
        // so the next @ReadOnly read stays there and sees the write (stickiness)
        assertThat(answer.body()).isEqualTo(standby() + "," + master() + "," + master());
        assertThat(BuildDatabases.countItems(BuildDatabases.masterPort(), name)).isEqualTo(1);
    }

    @Test
    void aRollbackLeavesNothingOnTheMaster() throws Exception {
        String name = unique("rollback");
        Answer answer = send("POST", "/items/rollback/" + name);
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).contains("failing after the write, on purpose");
        assertThat(BuildDatabases.countItems(BuildDatabases.masterPort(), name)).isZero();
    }
}
