package org.dbchooser.impl.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link RequestPaths#normalize(String, String)}: the PATH that db_chooser patterns see.
 * Non-ASCII text is written with {@code \\u} escapes so the sources compile the same
 * whatever the platform encoding.
 */
public class RequestPathsTest {

    private static final String NO_CONTEXT = "";

    @Nested
    class Root {

        @Test
        void slashIsTheRoot() {
            assertThat(RequestPaths.normalize("/", NO_CONTEXT)).isEqualTo("/");
        }

        @Test
        void emptyUriIsTheRoot() {
            assertThat(RequestPaths.normalize("", NO_CONTEXT)).isEqualTo("/");
        }

        @Test
        void onlyAQueryStringIsTheRoot() {
            assertThat(RequestPaths.normalize("/?a=1", NO_CONTEXT)).isEqualTo("/");
        }

        @Test
        void onlySlashesAreTheRoot() {
            assertThat(RequestPaths.normalize("///", NO_CONTEXT)).isEqualTo("/");
        }
    }

    @Nested
    class ContextPath {

        @ParameterizedTest(name = "[{index}] ''{0}'' in context ''{1}'' -> ''{2}''")
        @CsvSource(delimiter = '|', textBlock = """
                /shop/api/items              | /shop | /api/items
                /shop                        | /shop | /
                /shop/                       | /shop | /
                /shop?x=1                    | /shop | /
                /shop;jsessionid=1/a         | /shop | /a
                /shop;jsessionid=1           | /shop | /
                /shop/shop/a                 | /shop | /shop/a
                /a/b/api                     | /a/b  | /api
                """)
        void contextPathIsLeftOut(String requestUri, String contextPath, String expected) {
            assertThat(RequestPaths.normalize(requestUri, contextPath)).isEqualTo(expected);
        }

        @Test
        void aLongerFirstSegmentThatOnlyStartsLikeTheContextPathIsKept() {
            assertThat(RequestPaths.normalize("/shopping/x", "/shop")).isEqualTo("/shopping/x");
        }

        @Test
        void aPathOutsideTheContextPathIsKeptWhole() {
            assertThat(RequestPaths.normalize("/other/x", "/shop")).isEqualTo("/other/x");
        }

        @Test
        void theContextPathIsOnlyRemovedAtTheStart() {
            assertThat(RequestPaths.normalize("/a/shop/b", "/shop")).isEqualTo("/a/shop/b");
        }

        @Test
        void theRootContextKeepsTheWholePath() {
            assertThat(RequestPaths.normalize("/shop/api/items", NO_CONTEXT)).isEqualTo("/shop/api/items");
        }
    }

    @Nested
    class QueryString {

        @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
        @CsvSource(delimiter = '|', textBlock = """
                /a/b?x=1&y=2       | /a/b
                /a/b?              | /a/b
                /a/b/?x=1          | /a/b/
                /a?x=/b/c          | /a
                /a?x=%2F..%2Fb     | /a
                /a?x=1?y=2         | /a
                """)
        void queryStringIsLeftOut(String requestUri, String expected) {
            assertThat(RequestPaths.normalize(requestUri, NO_CONTEXT)).isEqualTo(expected);
        }
    }

    @Nested
    class EmptySegments {

        @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
        @CsvSource(delimiter = '|', textBlock = """
                //a          | /a
                ///a         | /a
                /a//b        | /a/b
                /a///b       | /a/b
                //a//b//c    | /a/b/c
                a/b          | /a/b
                """)
        void emptySegmentsAreDropped(String requestUri, String expected) {
            assertThat(RequestPaths.normalize(requestUri, NO_CONTEXT)).isEqualTo(expected);
        }
    }

    @Nested
    class PathParameters {

        @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
        @CsvSource(delimiter = '|', textBlock = """
                /a;jsessionid=X/b;v=1         | /a/b
                /a;jsessionid=X               | /a
                /a;x=1;y=2/b                  | /a/b
                /a/b;jsessionid=X/            | /a/b/
                /;v=1/a                       | /a
                /a;v=1/..;v=2/b               | /b
                /a/.;v=1/b                    | /a/b
                """)
        void pathParametersAreDroppedInEverySegment(String requestUri, String expected) {
            assertThat(RequestPaths.normalize(requestUri, NO_CONTEXT)).isEqualTo(expected);
        }

        @Test
        void anEncodedSemicolonIsPartOfTheSegmentName() {
            assertThat(RequestPaths.normalize("/a%3Bb/c", NO_CONTEXT)).isEqualTo("/a;b/c");
        }
    }

    @Nested
    class PercentDecoding {

        @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
        @CsvSource(delimiter = '|', textBlock = """
                /caf%C3%A9                 | /caf\u00e9
                /caf%c3%a9                 | /caf\u00e9
                /%E2%82%AC                 | /\u20ac
                /%F0%9F%98%80              | /\ud83d\ude00
                /a%2Fb                     | /a/b
                /a%2fb                     | /a/b
                /%7e                       | /~
                /%7E                       | /~
                /%41%42%43                 | /ABC
                /a%20b                     | /a b
                /%25                       | /%
                /%2541                     | /%41
                """)
        void escapesAreDecodedAsUtf8(String requestUri, String expected) {
            assertThat(RequestPaths.normalize(requestUri, NO_CONTEXT)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
        @CsvSource(delimiter = '|', textBlock = """
                /a%2F%2Fb                  | /a/b
                /a/..%2Fb                  | /b
                /a/b%2F..%2F..%2Fc         | /c
                /a%2F.%2Fb                 | /a/b
                /a%2F                      | /a
                """)
        void anEncodedSlashSeparatesSegmentsLikeARealOne(String requestUri, String expected) {
            assertThat(RequestPaths.normalize(requestUri, NO_CONTEXT)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
        @CsvSource(delimiter = '|', textBlock = """
                /%             | /%
                /a%            | /a%
                /%2            | /%2
                /a%2           | /a%2
                /%zz           | /%zz
                /%2z           | /%2z
                /%z2           | /%z2
                /%%41          | /%A
                /%G1/b         | /%G1/b
                /%-1           | /%-1
                /%+1           | /%+1
                """)
        void malformedEscapesStayAsWritten(String requestUri, String expected) {
            assertThat(RequestPaths.normalize(requestUri, NO_CONTEXT)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
        @CsvSource(delimiter = '|', textBlock = """
                /%C3%28        | /\ufffd(
                /%FF           | /\ufffd
                /a%FFb         | /a\ufffdb
                /%C3           | /\ufffd
                /%C3x%A9       | /\ufffdx\ufffd
                /%80           | /\ufffd
                """)
        void bytesThatAreNotUtf8BecomeTheReplacementCharacter(String requestUri, String expected) {
            assertThat(RequestPaths.normalize(requestUri, NO_CONTEXT)).isEqualTo(expected);
        }

        @Test
        void decodingHappensOnceOnly() {
            assertThat(RequestPaths.normalize("/%252e%252e/a", NO_CONTEXT)).isEqualTo("/%2e%2e/a");
        }

        /**
         * RFC 3986 HEXDIG is ASCII only; Character.digit also accepts other Unicode
         * digits and full-width letters, so these must stay as written too.
         */
        @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
        @CsvSource(delimiter = '|', textBlock = """
                /%\u0663\u0663      | /%\u0663\u0663
                /%\uff12\uff45%\uff12\uff45/a | /%\uff12\uff45%\uff12\uff45/a
                """)
        void onlyAsciiHexDigitsFormAnEscape(String requestUri, String expected) {
            assertThat(RequestPaths.normalize(requestUri, NO_CONTEXT)).isEqualTo(expected);
        }
    }

    @Nested
    class DotSegments {

        @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
        @CsvSource(delimiter = '|', textBlock = """
                /./a          | /a
                /a/./b        | /a/b
                /a/.          | /a
                /.            | /
                /a/b/../c     | /a/c
                /a/b/../../c  | /c
                /a/..         | /
                /..           | /
                /../../a      | /a
                /a/../../b    | /b
                /a/b/..       | /a
                /a/../b/../c  | /c
                /a/.../b      | /a/.../b
                /a/..b/c      | /a/..b/c
                /a/.b/c       | /a/.b/c
                """)
        void dotSegmentsAreResolvedWithoutGoingAboveTheRoot(String requestUri, String expected) {
            assertThat(RequestPaths.normalize(requestUri, NO_CONTEXT)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
        @CsvSource(delimiter = '|', textBlock = """
                /a/%2e%2e/b     | /b
                /a/%2E%2E/b     | /b
                /a/.%2e/b       | /b
                /a/%2e./b       | /b
                /a/%2e/b        | /a/b
                /%2e%2e/%2e%2e/a | /a
                """)
        void encodedDotSegmentsAreDotSegments(String requestUri, String expected) {
            assertThat(RequestPaths.normalize(requestUri, NO_CONTEXT)).isEqualTo(expected);
        }

        @Test
        void dotDotInTheApplicationPathCannotClimbIntoTheContextPath() {
            assertThat(RequestPaths.normalize("/shop/../admin", "/shop")).isEqualTo("/admin");
        }
    }

    @Nested
    class TrailingSlash {

        @ParameterizedTest(name = "[{index}] ''{0}'' -> ''{1}''")
        @CsvSource(delimiter = '|', textBlock = """
                /a/       | /a/
                /a/b/     | /a/b/
                /a//      | /a/
                /a/b/../  | /a/
                /a/./     | /a/
                /a        | /a
                """)
        void aTrailingSlashIsKept(String requestUri, String expected) {
            assertThat(RequestPaths.normalize(requestUri, NO_CONTEXT)).isEqualTo(expected);
        }
    }

    @Nested
    class Size {

        @Test
        void aTenKilobytePathNormalizesWhole() {
            String segment = "/abcdefghi";
            String path = segment.repeat(1024);
            assertThat(path).hasSize(10 * 1024);

            assertThat(RequestPaths.normalize(path + "?q=1", NO_CONTEXT)).isEqualTo(path);
        }

        @Test
        void aTenKilobytePathOfEscapesIsDecodedWhole() {
            String path = "/" + "%41".repeat(10 * 1024 / 3);

            assertThat(RequestPaths.normalize(path, NO_CONTEXT)).isEqualTo("/" + "A".repeat(10 * 1024 / 3));
        }

        @Test
        void aThousandDotDotSegmentsStayAtTheRoot() {
            String path = "/..".repeat(1000);

            assertThat(RequestPaths.normalize(path, NO_CONTEXT)).isEqualTo("/");
            assertThat(RequestPaths.normalize(path + "/a", NO_CONTEXT)).isEqualTo("/a");
        }

        @Test
        void aThousandDotDotSegmentsUndoAThousandSegments() {
            String path = "/x".repeat(1000) + "/..".repeat(999);

            assertThat(RequestPaths.normalize(path, NO_CONTEXT)).isEqualTo("/x");
        }
    }
}
