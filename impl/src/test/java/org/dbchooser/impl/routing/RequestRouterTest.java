package org.dbchooser.impl.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.dbchooser.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RequestRouter}: the seed's rule on {@code "METHOD PATH"}. */
public class RequestRouterTest {

    /** The default of db_chooser.slave-methods, in the order it is written. */
    private static final Set<String> DEFAULT_METHODS = new LinkedHashSet<>(List.of("GET", "HEAD", "OPTIONS"));

    private static List<Pattern> patterns(String... regexes) {
        return List.of(regexes).stream().map(Pattern::compile).toList();
    }

    private static RequestRouter router(List<Pattern> master, List<Pattern> slave) {
        return new RequestRouter(master, slave, DEFAULT_METHODS);
    }

    private static RouteDecision decide(RequestRouter router, String method, String path) {
        return router.decide(method, method + " " + path);
    }

    // --- no pattern: the method decides

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "OPTIONS"})
    void readMethodsGoToTheSlaveByDefault(String method) {
        RouteDecision decision = decide(router(List.of(), List.of()), method, "/items");

        assertThat(decision.route()).isEqualTo(Route.SLAVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE", "TRACE", "CONNECT"})
    void otherStandardMethodsGoToTheMasterByDefault(String method) {
        RouteDecision decision = decide(router(List.of(), List.of()), method, "/items");

        assertThat(decision.route()).isEqualTo(Route.MASTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOO", "PROPFIND", ""})
    void unknownMethodsGoToTheMaster(String method) {
        RouteDecision decision = decide(router(List.of(), List.of()), method, "/items");

        assertThat(decision.route()).isEqualTo(Route.MASTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "Get", "head", "options"})
    void methodsAreCaseSensitiveSoLowerCaseReadMethodsGoToTheMaster(String method) {
        RouteDecision decision = decide(router(List.of(), List.of()), method, "/items");

        assertThat(decision.route()).isEqualTo(Route.MASTER);
    }

    @Test
    void aCustomSlaveMethodSetSendsTheMethodsLeftOutToTheMaster() {
        RequestRouter router = new RequestRouter(List.of(), List.of(), Set.of("GET"));

        assertThat(decide(router, "GET", "/items").route()).isEqualTo(Route.SLAVE);
        assertThat(decide(router, "HEAD", "/items").route()).isEqualTo(Route.MASTER);
        assertThat(decide(router, "OPTIONS", "/items").route()).isEqualTo(Route.MASTER);
    }

    @Test
    void anEmptySlaveMethodSetSendsEveryRequestWithoutAPatternToTheMaster() {
        RequestRouter router = new RequestRouter(List.of(), List.of(), Set.of());

        assertThat(decide(router, "GET", "/items").route()).isEqualTo(Route.MASTER);
    }

    @Test
    void theMethodIsTakenFromTheFirstArgumentNotFromTheMethodAndPath() {
        RouteDecision decision = router(List.of(), List.of()).decide("POST", "GET /items");

        assertThat(decision.route()).isEqualTo(Route.MASTER);
    }

    // --- patterns

    @Test
    void aMasterPatternSendsAGetToTheMaster() {
        RequestRouter router = router(patterns("GET /short/create.*"), List.of());

        assertThat(decide(router, "GET", "/short/create?url=x").route()).isEqualTo(Route.MASTER);
        assertThat(decide(router, "GET", "/short/create/1").route()).isEqualTo(Route.MASTER);
    }

    @Test
    void aMasterPatternLeavesOtherGetsToTheMethod() {
        RequestRouter router = router(patterns("GET /short/create.*"), List.of());

        assertThat(decide(router, "GET", "/short/list").route()).isEqualTo(Route.SLAVE);
    }

    @Test
    void aSlavePatternSendsAPostToTheSlave() {
        RequestRouter router = router(List.of(), patterns("POST /search"));

        assertThat(decide(router, "POST", "/search").route()).isEqualTo(Route.SLAVE);
    }

    @Test
    void aSlavePatternLeavesOtherPostsToTheMethod() {
        RequestRouter router = router(List.of(), patterns("POST /search"));

        assertThat(decide(router, "POST", "/items").route()).isEqualTo(Route.MASTER);
    }

    @Test
    void aMasterPatternBeatsASlavePatternThatAlsoMatches() {
        RequestRouter router = router(patterns("GET /items/.*"), patterns("GET /items.*"));

        RouteDecision decision = decide(router, "GET", "/items/7");

        assertThat(decision.route()).isEqualTo(Route.MASTER);
        assertThat(decision.origin()).isEqualTo("db_chooser.master pattern 'GET /items/.*'");
    }

    @Test
    void aMasterPatternBeatsASlavePatternWhateverTheMethod() {
        RequestRouter router = router(patterns("POST /search"), patterns("POST /search"));

        assertThat(decide(router, "POST", "/search").route()).isEqualTo(Route.MASTER);
    }

    @Test
    void theFirstMatchingMasterPatternIsTheOrigin() {
        RequestRouter router = router(patterns("GET /a/b", "GET /a.*"), List.of());

        assertThat(decide(router, "GET", "/a/b").origin()).isEqualTo("db_chooser.master pattern 'GET /a/b'");
        assertThat(decide(router, "GET", "/a/c").origin()).isEqualTo("db_chooser.master pattern 'GET /a.*'");
    }

    @Test
    void theFirstMatchingSlavePatternIsTheOrigin() {
        RequestRouter router = router(List.of(), patterns("POST /x", "POST .*"));

        assertThat(decide(router, "POST", "/x").origin()).isEqualTo("db_chooser.slave pattern 'POST /x'");
        assertThat(decide(router, "POST", "/y").origin()).isEqualTo("db_chooser.slave pattern 'POST .*'");
    }

    // --- anchoring: like Python's re.match, at the start only

    @Test
    void aMasterPatternMustMatchAtTheStart() {
        RequestRouter router = router(patterns("/items"), List.of());

        RouteDecision decision = decide(router, "GET", "/items");

        assertThat(decision.route()).isEqualTo(Route.SLAVE);
        assertThat(decision.origin()).doesNotContain("pattern");
    }

    @Test
    void aSlavePatternMustMatchAtTheStart() {
        RequestRouter router = router(List.of(), patterns("/items"));

        assertThat(decide(router, "POST", "/items").route()).isEqualTo(Route.MASTER);
    }

    @Test
    void aPatternNeedNotMatchToTheEnd() {
        RequestRouter router = router(patterns("GET /items"), List.of());

        assertThat(decide(router, "GET", "/items/7").route()).isEqualTo(Route.MASTER);
    }

    @Test
    void aPatternCanReachPastTheMethodWithALeadingWildcard() {
        RequestRouter router = router(List.of(), patterns(".*/items"));

        assertThat(decide(router, "POST", "/items").route()).isEqualTo(Route.SLAVE);
        assertThat(decide(router, "DELETE", "/api/items/7").route()).isEqualTo(Route.SLAVE);
    }

    @Test
    void anExplicitEndAnchorStillLimitsTheMatch() {
        RequestRouter router = router(patterns("GET /items$"), List.of());

        assertThat(decide(router, "GET", "/items").route()).isEqualTo(Route.MASTER);
        assertThat(decide(router, "GET", "/items/7").route()).isEqualTo(Route.SLAVE);
    }

    @Test
    void patternsAreCaseSensitive() {
        RequestRouter router = router(patterns("GET /Items"), List.of());

        assertThat(decide(router, "GET", "/items").route()).isEqualTo(Route.SLAVE);
    }

    // --- the GeoMapFish pattern, written with one backslash

    @Test
    void theGeoMapFishPrintProxyPatternMatchesEveryMethod() {
        RequestRouter router = router(List.of(), patterns("\\w+ /printproxy/.*"));

        RouteDecision post = decide(router, "POST", "/printproxy/x");
        RouteDecision get = decide(router, "GET", "/printproxy/");

        assertThat(post.route()).isEqualTo(Route.SLAVE);
        assertThat(post.origin()).isEqualTo("db_chooser.slave pattern '\\w+ /printproxy/.*'");
        assertThat(get.route()).isEqualTo(Route.SLAVE);
    }

    @Test
    void theGeoMapFishPrintProxyPatternNeedsTheSlashAfterPrintProxy() {
        RequestRouter router = router(List.of(), patterns("\\w+ /printproxy/.*"));

        assertThat(decide(router, "POST", "/printproxy").route()).isEqualTo(Route.MASTER);
        assertThat(decide(router, "POST", "/api/printproxy/x").route()).isEqualTo(Route.MASTER);
    }

    // --- origins

    @Test
    void aMasterPatternDecisionNamesItsKeyAndPattern() {
        RequestRouter router = router(patterns("GET /short/create.*"), List.of());

        RouteDecision decision = decide(router, "GET", "/short/create");

        assertThat(decision.origin()).isEqualTo("db_chooser.master pattern 'GET /short/create.*'");
        assertThat(decision.forced()).isFalse();
    }

    @Test
    void aSlavePatternDecisionNamesItsKeyAndPattern() {
        RequestRouter router = router(List.of(), patterns("POST /search"));

        RouteDecision decision = decide(router, "POST", "/search");

        assertThat(decision.origin()).isEqualTo("db_chooser.slave pattern 'POST /search'");
        assertThat(decision.forced()).isFalse();
    }

    @Test
    void aSlaveDecisionByMethodNamesTheSlaveMethodsKeyAndTheMethods() {
        RouteDecision decision = decide(router(List.of(), List.of()), "GET", "/items");

        assertThat(decision.origin())
                .isEqualTo("the request method (GET, HEAD, OPTIONS read from the slave: db_chooser.slave-methods)");
        assertThat(decision.forced()).isFalse();
    }

    @Test
    void aMasterDecisionByMethodNamesTheMethodsReadFromTheSlave() {
        RouteDecision decision = decide(router(List.of(), List.of()), "POST", "/items");

        assertThat(decision.origin()).isEqualTo("the request method (methods other than GET, HEAD, OPTIONS use the master: db_chooser.slave-methods)");
        assertThat(decision.forced()).isFalse();
    }

    @Test
    void aCustomSlaveMethodSetIsNamedInTheOrigins() {
        RequestRouter router = new RequestRouter(List.of(), List.of(), Set.of("GET"));

        assertThat(decide(router, "GET", "/").origin())
                .isEqualTo("the request method (GET read from the slave: db_chooser.slave-methods)");
        assertThat(decide(router, "HEAD", "/").origin())
                .isEqualTo("the request method (methods other than GET use the master: db_chooser.slave-methods)");
    }

    @Test
    void decisionsAreBuiltOnceAndReused() {
        RequestRouter router = router(patterns("GET /a"), List.of());

        assertThat(decide(router, "GET", "/a")).isSameAs(decide(router, "GET", "/a/b"));
        assertThat(decide(router, "GET", "/x")).isSameAs(decide(router, "HEAD", "/y"));
        assertThat(decide(router, "POST", "/x")).isSameAs(decide(router, "PUT", "/y"));
    }

    // --- hostile patterns: every match is bounded; one that gives up sends the request to the master

    /** Far more than a bounded match needs (milliseconds), far less than an unbounded one (hours). */
    private static final Duration HANG = Duration.ofSeconds(20);

    /** Still exponential, or polynomial of a high degree, on Java 17: a back-reference; 12 nested greedy repeats. */
    @ParameterizedTest
    @ValueSource(strings = {"GET /((a+)+)\\2$", "GET /(.*a){12}$"})
    void aCatastrophicMasterPatternIsAbandonedAndTheRequestGoesToTheMaster(String hostile) {
        RequestRouter router = router(patterns(hostile), List.of());
        String path = "/" + "a".repeat(40) + "!";

        RouteDecision decision = assertTimeoutPreemptively(HANG, () -> decide(router, "GET", path));

        assertThat(decision.route()).isEqualTo(Route.MASTER);
        assertThat(decision.reason()).isEqualTo(RouteDecision.Reason.PATTERN_ABANDONED);
        assertThat(decision.origin()).isEqualTo("db_chooser.master pattern '" + hostile + "'");
    }

    /** The textbook cases, which Java 9 and later defuse by remembering where a repeat failed. */
    @ParameterizedTest
    @ValueSource(strings = {"GET /(a+)+$", "GET /(a|a)*$", "GET /(a*)*b", "GET /(a|aa)+$"})
    void aTextbookCatastrophicPatternFinishesAndTheMethodDecides(String hostile) {
        RequestRouter router = router(patterns(hostile), List.of());

        RouteDecision decision = assertTimeoutPreemptively(HANG, () -> decide(router, "GET", "/" + "a".repeat(40) + "!"));

        assertThat(decision.reason()).isEqualTo(RouteDecision.Reason.REQUEST_METHOD);
        assertThat(decision.route()).isEqualTo(Route.SLAVE);
    }

    @Test
    void aCatastrophicSlavePatternSendsAGetToTheMasterNotToTheSlave() {
        RequestRouter router = router(patterns("POST /never"), patterns("\\w+ /(.*x){12}$"));

        RouteDecision decision = assertTimeoutPreemptively(HANG, () -> decide(router, "GET", "/" + "x".repeat(40) + "!"));

        assertThat(decision.route()).isEqualTo(Route.MASTER);
        assertThat(decision.origin()).isEqualTo("db_chooser.slave pattern '\\w+ /(.*x){12}$'");
    }

    @Test
    void aMatchThatWouldOverflowTheStackIsAbandonedToo() {
        // java.util.regex recurses once per repetition of a group: a long path overflows the stack
        RequestRouter router = router(patterns("GET /(a|b)*$"), List.of());

        RouteDecision decision = decide(router, "GET", "/" + "ab".repeat(200_000));

        assertThat(decision.reason()).isEqualTo(RouteDecision.Reason.PATTERN_ABANDONED);
        assertThat(decision.route()).isEqualTo(Route.MASTER);
    }

    @Test
    void aPatternThatGaveUpOnOneRequestStillDecidesTheOthers() {
        RequestRouter router = router(List.of(), patterns("GET /((a+)+)\\2$"));

        assertThat(decide(router, "GET", "/" + "a".repeat(40) + "!").reason()).isEqualTo(RouteDecision.Reason.PATTERN_ABANDONED);
        assertThat(decide(router, "GET", "/aaaa").reason()).isEqualTo(RouteDecision.Reason.SLAVE_PATTERN);
        assertThat(decide(router, "POST", "/b").reason()).isEqualTo(RouteDecision.Reason.REQUEST_METHOD);
    }

    @Test
    void simplePatternsOnLongPathsStayWellWithinTheBudget() {
        RequestRouter router = router(patterns("GET /nothing/.*"), patterns("\\w+ /service/.*/(end|stop)$"));
        String path = "/service/" + "segment/".repeat(1_250) + "end";

        assertThat(decide(router, "GET", path).reason()).isEqualTo(RouteDecision.Reason.SLAVE_PATTERN);
    }

    @Test
    void aPatternIsReportedTheFirstTimeItGivesUpOnly() {
        RequestRouter router = router(patterns("GET /((a+)+)\\2$"), List.of());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(RequestRouter.class.getName());
        logger.addHandler(handler);
        try {
            decide(router, "GET", "/" + "a".repeat(40) + "!");
            decide(router, "GET", "/" + "a".repeat(41) + "?");
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getMessage()).isEqualTo("DBCHOOSER-312: db_chooser.master pattern 'GET /((a+)+)\\2$' backtracked too"
                    + " long on 'GET /" + "a".repeat(40) + "!' and was abandoned; the request went to the master, as will"
                    + " every request it gives up on (logged once per pattern). Rewrite the pattern without nested"
                    + " quantifiers such as (a+)+ or (.*)*");
        });
    }
}
