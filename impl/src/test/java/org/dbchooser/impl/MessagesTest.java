package org.dbchooser.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every message a user can see has its code, in one place ({@link Messages}), and each
 * code is explained once in the README's table of messages.
 */
class MessagesTest {

    private static final Pattern CODE = Pattern.compile("DBCHOOSER-\\d{3}");
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void everyCodeIsDefinedInMessagesAndNowhereElse() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> elsewhere = files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("Messages.java"))
                    .filter(f -> CODE.matcher(withoutComments(read(f))).find()).toList();
            assertThat(elsewhere).as("sources that write a code of their own").isEmpty();
        }
    }

    @Test
    void eachCodeBelongsToOneKindOfMessage() {
        // the methods of Messages that give each code; a code shared by two methods must name one problem
        Map<String, Set<String>> methodsByCode = new TreeMap<>();
        Matcher method = Pattern.compile("(?s)static \\w+ (\\w+)\\(.*?\\n    }").matcher(read(SOURCES.resolve("org/dbchooser/impl/Messages.java")));
        while (method.find()) {
            Matcher code = CODE.matcher(method.group());
            while (code.find()) {
                methodsByCode.computeIfAbsent(code.group(), c -> new TreeSet<>()).add(method.group(1));
            }
        }
        Map<String, Set<String>> shared = methodsByCode.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        // the two durations problems (not one; too short) and the master found down before or during work
        assertThat(shared).isEqualTo(Map.of(
                "DBCHOOSER-109", Set.of("durationTooShort", "notADuration"),
                "DBCHOOSER-310", Set.of("masterLost", "masterUnavailable")));
    }

    @Test
    void theReadmeExplainsEveryCodeOnceAndNoOther() {
        Set<String> defined = codes(read(SOURCES.resolve("org/dbchooser/impl/Messages.java")));
        Matcher row = Pattern.compile("(?m)^\\| (DBCHOOSER-\\d{3}) \\|").matcher(read(Path.of("../README.md")));
        List<String> rows = new java.util.ArrayList<>();
        while (row.find()) {
            rows.add(row.group(1));
        }
        assertThat(rows).as("rows of the README's table of messages").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(rows)).isEqualTo(defined);
    }

    /** The code of a source, where a comment may name a code it explains. */
    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }

    private static Set<String> codes(String text) {
        Set<String> codes = new TreeSet<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            codes.add(m.group());
        }
        return codes;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
