package org.dbchooser.itests.reliability;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The example application (examples/catalogue), as its HTTP clients see it. */
final class Catalogue {

    /** An answer: its status and body; status 0 when no answer came (connection refused, timeout). */
    record Answer(int status, String body) {
        boolean is(int expected) {
            return status == expected;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern SERVED_BY = Pattern.compile("\"generatedFrom\"\\s*:\\s*\"(\\w+)\"");

    private final URI api;

    Catalogue(URL deployment) {
        this.api = URI.create(deployment.toString()).resolve("api/");
    }

    /** The example's WAR, as the build made it. */
    static WebArchive war() {
        return ShrinkWrap.create(ZipImporter.class, "catalogue.war")
                .importFrom(new File(System.getProperty("catalogue.war"))).as(WebArchive.class);
    }

    Answer send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }

    /**
     * Sends a request line exactly as given, bytes and all, which {@link HttpClient} would
     * refuse or rewrite: a malformed escape, raw non-UTF-8 bytes.
     */
    Answer sendRaw(String method, byte[] relativePath, String json) throws IOException {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(api.getHost(), api.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + api.getRawPath()).getBytes(StandardCharsets.US_ASCII));
            out.write(relativePath);
            out.write((" HTTP/1.1\r\nHost: " + api.getHost() + ":" + api.getPort() + "\r\nConnection: close\r\n"
                    + (json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!response.startsWith("HTTP/1.1 ")) {
                return new Answer(0, response);
            }
            int bodyStart = response.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(response.substring(9, 12)), bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        }
    }

    static String layer(String name) {
        return "{\"name\":\"" + name + "\",\"title\":\"" + name + " title\"}";
    }

    static String poi(String name) {
        return "{\"name\":\"" + name + "\",\"lon\":6.6,\"lat\":46.5}";
    }

    static long id(Answer answer) {
        return Long.parseLong(group(ID, answer));
    }

    static String code(Answer answer) {
        return group(CODE, answer);
    }

    /** The print proxy's answer: "slave" or "master", as the server that ran it says (pg_is_in_recovery()). */
    static String servedBy(Answer answer) {
        return group(SERVED_BY, answer);
    }

    private static String group(Pattern pattern, Answer answer) {
        Matcher m = pattern.matcher(answer.body());
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + answer);
        }
        return m.group(1);
    }
}
