package org.dbchooser.itests.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dbchooser.itests.databases.BuildDatabases;

/**
 * What a server's own MicroProfile Health endpoint says: its HTTP status and the
 * {@code dbchooser} checks in it (one per deployment the endpoint covers).
 */
public record Readiness(int status, List<Check> checks, String body) {

    /** One {@code dbchooser} check: its status, and the master's and the slave's as its data reports them. */
    public record Check(String status, String master, String slave) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CHECK = Pattern.compile(
            "\\{\\s*\"name\"\\s*:\\s*\"dbchooser\"\\s*,\\s*\"status\"\\s*:\\s*\"(\\w+)\"\\s*,\\s*\"data\"\\s*:\\s*\\{([^}]*)}");

    public static Readiness of(URI endpoint) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = CHECK.matcher(response.body());
        List<Check> checks = new ArrayList<>();
        while (m.find()) {
            checks.add(new Check(m.group(1), value(m.group(2), "master"), value(m.group(2), "slave")));
        }
        return new Readiness(response.statusCode(), List.copyOf(checks), response.body());
    }

    private static String value(String data, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"(\\w+)\"").matcher(data);
        return m.find() ? m.group(1) : null;
    }

    /** There are dbchooser checks, and each reports the master and the slave so (and is UP unless both are DOWN). */
    public boolean all(String master, String slave) {
        String expected = master.equals("DOWN") && slave.equals("DOWN") ? "DOWN" : "UP";
        return !checks.isEmpty() && checks.stream().allMatch(
                c -> c.master().equals(master) && c.slave().equals(slave) && c.status().equals(expected));
    }

    /** Asks ENDPOINT every 100 ms until it answers as WANTED, for 10 s at most. */
    public static void await(URI endpoint, String what, Predicate<Readiness> wanted) throws Exception {
        long start = System.nanoTime();
        Readiness last = of(endpoint);
        while (!wanted.test(last)) {
            assertThat(System.nanoTime() - start).as("%s, within 10 s; last answer %d: %s", what, last.status(), last.body())
                    .isLessThan(10_000_000_000L);
            Thread.sleep(100);
            last = of(endpoint);
        }
        System.out.printf("readiness: %s after %d ms%n", what, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The scenario every platform's test runs: ENDPOINT follows the build's servers as they
     * stop and start (ready with the standby down, reads on the master; not ready with both
     * down; ready with the master down, reads on the standby), and both are back and
     * replicating at the end.
     */
    public static void followsTheServers(URI endpoint) throws Exception {
        await(endpoint, "both servers up", r -> r.status() == 200 && r.all("UP", "UP"));
        try {
            BuildDatabases.control("pause", "standby1");
            await(endpoint, "the standby down: ready, reads on the master", r -> r.status() == 200 && r.all("UP", "DOWN"));
            BuildDatabases.control("pause", "master");
            await(endpoint, "both down: not ready", r -> r.status() == 503 && r.all("DOWN", "DOWN"));
            BuildDatabases.control("resume", "standby1");
            await(endpoint, "the master down: ready, reads on the standby", r -> r.status() == 200 && r.all("DOWN", "UP"));
        } finally {
            BuildDatabases.control("resume", "master");
            BuildDatabases.control("resume", "standby1");
        }
        await(endpoint, "both back", r -> r.status() == 200 && r.all("UP", "UP"));
        Servers.waitForStandby();
    }
}
