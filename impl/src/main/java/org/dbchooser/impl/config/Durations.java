package org.dbchooser.impl.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as configuration values: {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 1m}, {@code 1h}, or ISO-8601. */
final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

    private Durations() {
    }

    /** The duration written, or {@code null} if it is not one. */
    static Duration parse(String text) {
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            BigDecimal amount = new BigDecimal(m.group(1));
            long millisPerUnit = switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                default -> 3_600_000;
            };
            return Duration.ofNanos(amount.multiply(BigDecimal.valueOf(millisPerUnit * 1_000_000)).longValue());
        }
        try {
            Duration iso = Duration.parse(text);
            return iso.isNegative() ? null : iso;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
