package org.dbchooser.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.dbchooser.itests.databases.BuildDatabases;
import org.dbchooser.itests.databases.StatementLog;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The catalogue's own classes on Quarkus, its data sources given as its README says: each
 * request's statements are found in the log of the server that ran them, and only there.
 */
@QuarkusTest
class CatalogueOnQuarkusIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/api")
    URL api;

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The SQL SERVER (master, standby1) ran while WORK ran, from its own log, in lower case. */
    private static List<String> statements(String server, int port, StatementLog.Work work) throws Exception {
        try (Connection connection = BuildDatabases.connect(port)) {
            return StatementLog.during(server, connection, work).stream().map(StatementLog.Entry::sql)
                    .filter(sql -> sql != null).map(String::toLowerCase).toList();
        }
    }

    @Test
    void aPostWritesOnTheMasterAndAGetReadsItFromTheStandby() throws Exception {
        String name = "layer-" + UUID.randomUUID();
        AtomicReference<HttpResponse<String>> created = new AtomicReference<>();
        List<String> onStandby = statements("standby1", BuildDatabases.standbyPort(), () ->
                assertThat(statements("master", BuildDatabases.masterPort(), () ->
                        created.set(send("POST", "/layers", "{\"name\":\"" + name + "\",\"title\":\"A layer\"}"))))
                        .anyMatch(sql -> sql.startsWith("insert into layer")));
        assertThat(created.get().statusCode()).as(created.get().body()).isEqualTo(201);
        assertThat(onStandby).noneMatch(sql -> sql.contains("layer"));

        try (Connection master = BuildDatabases.connect(BuildDatabases.masterPort());
                Connection standby = BuildDatabases.connect(BuildDatabases.standbyPort())) {
            BuildDatabases.waitForStandby(master, standby);
        }
        AtomicReference<HttpResponse<String>> read = new AtomicReference<>();
        List<String> onMaster = statements("master", BuildDatabases.masterPort(), () ->
                assertThat(statements("standby1", BuildDatabases.standbyPort(), () -> read.set(send("GET", "/layers", null))))
                        .anyMatch(sql -> sql.contains("from layer")));
        assertThat(read.get().statusCode()).isEqualTo(200);
        assertThat(read.get().body()).contains(name);
        assertThat(onMaster).noneMatch(sql -> sql.contains("layer"));
    }

    @Test
    void theShortenerIsAGetThatWritesOnTheMasterAsTheCataloguesPatternSays() throws Exception {
        AtomicReference<HttpResponse<String>> shortened = new AtomicReference<>();
        List<String> onMaster = statements("master", BuildDatabases.masterPort(),
                () -> shortened.set(send("GET", "/short/create?url=https://example.org/" + UUID.randomUUID(), null)));
        assertThat(shortened.get().statusCode()).as(shortened.get().body()).isBetween(200, 201);
        assertThat(onMaster).anyMatch(sql -> sql.startsWith("insert into shorturl"));
    }

    @Test
    void dbChoosersReadinessIsQuarkuss() throws Exception {
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(api.toString().replace("/api", "/q/health/ready")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("\"name\": \"dbchooser\"");
    }
}
