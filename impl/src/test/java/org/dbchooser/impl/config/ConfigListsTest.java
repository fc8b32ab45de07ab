package org.dbchooser.impl.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link ConfigLists#split(String)}. Java string literals double each backslash: the
 * comment on each test gives the raw configuration text.
 */
public class ConfigListsTest {

    @Test
    void aSingleValueIsOneEntry() {
        assertThat(ConfigLists.split("GET /items")).containsExactly("GET /items");
    }

    @Test
    void commasSeparateEntries() {
        assertThat(ConfigLists.split("GET,HEAD,OPTIONS")).containsExactly("GET", "HEAD", "OPTIONS");
    }

    @Test
    void entriesAreTrimmed() {
        assertThat(ConfigLists.split("  GET /a ,\tPOST /b\n, PUT /c  ")).containsExactly("GET /a", "POST /b", "PUT /c");
    }

    @Test
    void spacesInsideAnEntryAreKept() {
        assertThat(ConfigLists.split(" GET  /a b ")).containsExactly("GET  /a b");
    }

    /** Raw text: {@code GET /a\,b,POST /c} */
    @Test
    void aBackslashCommaIsALiteralCommaInsideAnEntry() {
        assertThat(ConfigLists.split("GET /a\\,b,POST /c")).containsExactly("GET /a,b", "POST /c");
    }

    /** Raw text: {@code GET /x{1\,3}} */
    @Test
    void aBackslashCommaKeepsARegexQuantifierWhole() {
        assertThat(ConfigLists.split("GET /x{1\\,3}")).containsExactly("GET /x{1,3}");
    }

    /** Raw text: {@code \,a,b\,} */
    @Test
    void escapedCommasWorkAtBothEndsOfTheValue() {
        assertThat(ConfigLists.split("\\,a,b\\,")).containsExactly(",a", "b,");
    }

    /** Raw text: {@code \w+ /printproxy/.*} */
    @Test
    void aBackslashBeforeAnythingButACommaIsKept() {
        assertThat(ConfigLists.split("\\w+ /printproxy/.*")).containsExactly("\\w+ /printproxy/.*");
    }

    /** Raw text: {@code \\d} */
    @Test
    void twoBackslashesStayTwoBackslashes() {
        assertThat(ConfigLists.split("\\\\d")).containsExactly("\\\\d");
    }

    /** Raw text: {@code GET /a\.b,POST /c\d+} */
    @Test
    void backslashesAreKeptInEveryEntry() {
        assertThat(ConfigLists.split("GET /a\\.b,POST /c\\d+")).containsExactly("GET /a\\.b", "POST /c\\d+");
    }

    /** Raw text: {@code a\} */
    @Test
    void aTrailingBackslashIsKept() {
        assertThat(ConfigLists.split("a\\")).containsExactly("a\\");
    }

    /**
     * Raw text: {@code a\\,b}. Only {@code \,} is an escape, so the first backslash is
     * kept as written and the second escapes the comma: one entry.
     */
    @Test
    void aBackslashBeforeAnEscapedCommaIsKeptAndTheCommaStaysLiteral() {
        assertThat(ConfigLists.split("a\\\\,b")).containsExactly("a\\,b");
    }

    @Test
    void anEmptyValueIsOneEmptyEntry() {
        assertThat(ConfigLists.split("")).containsExactly("");
    }

    @Test
    void aBlankValueIsOneEmptyEntry() {
        assertThat(ConfigLists.split("   ")).containsExactly("");
    }

    @Test
    void aTrailingCommaGivesATrailingEmptyEntry() {
        assertThat(ConfigLists.split("GET,")).containsExactly("GET", "");
    }

    @Test
    void aLeadingCommaGivesALeadingEmptyEntry() {
        assertThat(ConfigLists.split(",GET")).containsExactly("", "GET");
    }

    @Test
    void twoCommasInARowGiveAnEmptyEntryBetween() {
        assertThat(ConfigLists.split("GET /a,,POST /b")).containsExactly("GET /a", "", "POST /b");
    }

    @Test
    void aLoneCommaIsTwoEmptyEntries() {
        assertThat(ConfigLists.split(",")).containsExactly("", "");
    }
}
