package org.dbchooser.impl.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a MicroProfile Config list value by hand. MicroProfile Config's own list
 * conversion drops every backslash, and a regular expression such as
 * {@code \w+ /printproxy/.*} needs its backslashes: here only {@code \,} is an escape
 * (for a comma inside a pattern); every other backslash reaches the pattern as
 * written. Entries are trimmed, so {@code "a, b"} reads as {@code a} and {@code b}.
 */
final class ConfigLists {

    private ConfigLists() {
    }

    static List<String> split(String raw) {
        List<String> entries = new ArrayList<>();
        StringBuilder entry = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == ',') {
                entry.append(',');
                i++;
            } else if (c == ',') {
                entries.add(entry.toString().trim());
                entry.setLength(0);
            } else {
                entry.append(c);
            }
        }
        entries.add(entry.toString().trim());
        return entries;
    }
}
