package org.dbchooser.impl.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import org.dbchooser.Route;
import org.junit.jupiter.api.Test;

/**
 * Request lines a client chooses, generated at random from the characters that matter
 * to path handling: the filter's normalisation and decision never throw, and the PATH
 * they produce is always a clean absolute path.
 */
public class HostileRequestsTest {

    private static final String[] PIECES = {"/", "/", "/", ".", "..", "%", "%2F", "%2f", "%2E", "%2e%2E", "%25", "%C3",
        "%A9", "%FF", "%80", "%zz", "%2", ";", ";jsessionid=1", "?", "?x=/../", "a", "items", "é", "\u0000", "\uD83D",
        "\uDE00", " ", "+", "\\", "//", "/./", "/../"};

    private static final RequestRouter ROUTER = new RequestRouter(
            List.of(Pattern.compile("GET /api/short/create.*")), List.of(Pattern.compile("\\w+ /printproxy/.*")),
            Set.of("GET", "HEAD", "OPTIONS"));

    @Test
    void twoHundredThousandRandomRequestLinesNeitherThrowNorLeaveAnUncleanPath() {
        Random random = new Random(20261125);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder uri = new StringBuilder(random.nextBoolean() ? "/app" : "");
            int pieces = random.nextInt(i % 100 == 0 ? 2_000 : 20);
            for (int p = 0; p < pieces; p++) {
                uri.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String path = RequestPaths.normalize(uri.toString(), random.nextBoolean() ? "/app" : "");
            assertThat(path).as("normalize(%s)", uri).startsWith("/");
            assertThat(path.contains("//") || path.contains("/./") || path.contains("/../") || path.endsWith("/.")
                    || path.endsWith("/..")).as("normalize(%s) = %s", uri, path).isFalse();
            String method = random.nextInt(10) == 0 ? "G\u0000T" : "GET";
            assertThat(ROUTER.decide(method, method + " " + path).route()).isIn(Route.MASTER, Route.SLAVE);
        }
    }
}
