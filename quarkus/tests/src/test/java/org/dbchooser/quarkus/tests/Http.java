package org.dbchooser.quarkus.tests;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.dbchooser.itests.databases.BuildDatabases;

/** The tests' requests to the application, and how its answers name the servers. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }

    /** An answer: its status, its body, and the headers the tests look at when there are (server, retry, token). */
    record Answer(int status, String body, String servedBy, String retryAfter, String lsn) {
    }

    static Answer send(URL base, String method, String path) throws Exception {
        return send(base, method, path, Map.of());
    }

    /** A request with these headers. */
    static Answer send(URL base, String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("X-Served-By").orElse(null),
                response.headers().firstValue("Retry-After").orElse(null),
                response.headers().firstValue("X-DbChooser-LSN").orElse(null));
    }

    /** How the application names the build's master. */
    static String master() {
        return BuildDatabases.masterPort() + " master";
    }

    /** How the application names the build's standby. */
    static String standby() {
        return BuildDatabases.standbyPort() + " standby";
    }
}
