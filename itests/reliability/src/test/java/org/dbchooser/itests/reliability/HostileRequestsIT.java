package org.dbchooser.itests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dbchooser.itests.reliability.Catalogue.Answer;
import org.junit.jupiter.api.Test;

/**
 * Malformed and hostile request paths sent to the example application on WildFly.
 * dbchooser decides on the path after normalising it; if its idea of the path differed
 * from the server's, a write reached through {@code ..}, {@code //} or escapes could
 * be routed to the slave and fail. Every answer must come from the application or the
 * server's own refusal, never from a routing failure.
 */
class HostileRequestsIT extends OnServer {

    @Test
    void noHostilePathMakesRoutingFail() throws Exception {
        Catalogue app = app();
        String run = UUID.randomUUID().toString();
        // each with the status this server answers (WildFly 39); a routing failure would answer 500 with DBCHOOSER-3xx
        List<String[]> requests = List.of(
                // writes reached by paths that normalise to the shortener, which the master pattern keeps on the master
                new String[] {"GET", "printproxy/../short/create?url=https://example.org/dotdot", "404"},
                new String[] {"GET", "printproxy/%2e%2e/short/create?url=https://example.org/escaped-dotdot", "404"},
                new String[] {"GET", "./short/create?url=https://example.org/dot", "404"},
                new String[] {"GET", "short//create?url=https://example.org/double-slash", "404"},
                new String[] {"GET", "short/create;jsessionid=x?url=https://example.org/path-parameter-" + run, "200"},
                new String[] {"GET", "short/create/?url=https://example.org/trailing-slash-" + run, "200"},
                new String[] {"GET", "short/%63reate?url=https://example.org/escaped-letter", "404"},
                // writes by method, on odd paths
                new String[] {"POST", "layers/./", "405"},
                new String[] {"POST", "printproxy/../layers", "404"},
                // reads and refusals
                new String[] {"GET", "layers%2F1", "404"},
                new String[] {"GET", "layers/%C0%AF", "400"},
                new String[] {"GET", "layers/%FF%FE%FD", "400"},
                new String[] {"GET", "layers/%00", "404"},
                new String[] {"GET", "layers/\u00ff\u00fe", "400"}, // raw bytes 0xFF 0xFE: not UTF-8
                new String[] {"GET", "layers/%", "400"},
                new String[] {"GET", "../../../../etc/passwd", "404"},
                new String[] {"GET", "a/".repeat(3_000) + "layers", "404"},
                new String[] {"GET", "layers;" + ";".repeat(1_000), "200"},
                new String[] {"DELETE", "layers/..;/..;/layers", "404"},
                new String[] {"PUT", "layers/%2e%2e%2f%2e%2e%2f", "404"});

        List<String> routingFailures = new ArrayList<>();
        for (String[] request : requests) {
            String json = request[0].equals("GET") || request[0].equals("DELETE") ? null : Catalogue.layer("hostile");
            Answer answer = app.sendRaw(request[0], request[1].getBytes(StandardCharsets.ISO_8859_1), json);
            System.out.printf("hostile request %-6s %-60.60s -> %d%n", request[0], request[1], answer.status());
            if (answer.status() != Integer.parseInt(request[2]) || answer.body().contains("DBCHOOSER-")) {
                String shown = request[1].length() > 80 ? request[1].substring(0, 80) + "..." : request[1];
                routingFailures.add(request[0] + " " + shown + " -> " + answer + ", expected " + request[2]);
            }
        }
        assertThat(routingFailures).isEmpty();
        // the two served through odd paths wrote on the master, as the master pattern says
        try (Connection master = Databases.master()) {
            assertThat(Databases.count(master, "select count(*) from shorturl where url in ('https://example.org/path-parameter-"
                    + run + "', 'https://example.org/trailing-slash-" + run + "')")).as("short URLs on the master").isEqualTo(2);
        }
        String serverLog = Files.readString(Path.of(System.getProperty("server.log")), StandardCharsets.UTF_8);
        assertThat(serverLog).as("WildFly's log").doesNotContain("DBCHOOSER-3");
    }
}
