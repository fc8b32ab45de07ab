package org.dbchooser.itests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        List<String[]> requests = List.of(
                // writes reached by paths that normalise to the shortener, which the master pattern keeps on the master
                new String[] {"GET", "printproxy/../short/create?url=https://example.org/dotdot"},
                new String[] {"GET", "printproxy/%2e%2e/short/create?url=https://example.org/escaped-dotdot"},
                new String[] {"GET", "./short/create?url=https://example.org/dot"},
                new String[] {"GET", "short//create?url=https://example.org/double-slash"},
                new String[] {"GET", "short/create;jsessionid=x?url=https://example.org/path-parameter", "200"},
                new String[] {"GET", "short/create/?url=https://example.org/trailing-slash", "200"},
                new String[] {"GET", "short/%63reate?url=https://example.org/escaped-letter"},
                // writes by method, on odd paths
                new String[] {"POST", "layers/./"},
                new String[] {"POST", "printproxy/../layers"},
                // reads and refusals
                new String[] {"GET", "layers%2F1"},
                new String[] {"GET", "layers/%C0%AF"},
                new String[] {"GET", "layers/%FF%FE%FD"},
                new String[] {"GET", "layers/%00"},
                new String[] {"GET", "layers/\u00ff\u00fe"}, // raw bytes 0xFF 0xFE: not UTF-8
                new String[] {"GET", "layers/%"},
                new String[] {"GET", "../../../../etc/passwd"},
                new String[] {"GET", "a/".repeat(3_000) + "layers"},
                new String[] {"GET", "layers;" + ";".repeat(1_000), "200"},
                new String[] {"DELETE", "layers/..;/..;/layers"},
                new String[] {"PUT", "layers/%2e%2e%2f%2e%2e%2f"});

        // a request may be refused by the server (400, 404, 405); those marked 200 must be served: two reach the
        // shortener, a GET that writes, through a path the master pattern only matches once normalised
        List<String> routingFailures = new ArrayList<>();
        for (String[] request : requests) {
            String json = request[0].equals("GET") || request[0].equals("DELETE") ? null : Catalogue.layer("hostile");
            Answer answer = app.sendRaw(request[0], request[1].getBytes(StandardCharsets.ISO_8859_1), json);
            System.out.printf("hostile request %-6s %-60.60s -> %d%n", request[0], request[1], answer.status());
            boolean expected = request.length > 2 ? answer.status() == Integer.parseInt(request[2])
                    : answer.status() > 0 && answer.status() < 500 && !answer.body().contains("DBCHOOSER-");
            if (!expected) {
                String shown = request[1].length() > 80 ? request[1].substring(0, 80) + "..." : request[1];
                routingFailures.add(request[0] + " " + shown + " -> " + answer);
            }
        }
        assertThat(routingFailures).isEmpty();
        String serverLog = Files.readString(Path.of(System.getProperty("server.log")), StandardCharsets.UTF_8);
        assertThat(serverLog).as("WildFly's log").doesNotContain("DBCHOOSER-3");
    }
}
