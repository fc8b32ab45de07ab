package org.dbchooser.impl.routing;

/**
 * The text a request pattern is matched against, with a budget of character reads.
 * {@code java.util.regex} backtracks, so a pattern such as {@code GET /((a+)+)\2$}
 * can take exponential time on a path an attacker chose; the
 * matcher reads the input only through {@link #charAt}, so counting the reads bounds
 * the time of every match. One instance per decision, reset for each pattern.
 */
final class BoundedInput implements CharSequence {

    /**
     * Reads allowed per character of the input (plus a floor for short inputs): far
     * above what a pattern that does not backtrack needs (one or two reads a
     * character), far below what a catastrophic one takes.
     */
    private static final int READS_PER_CHARACTER = 1_000;
    private static final int FLOOR_CHARACTERS = 100;

    /** Thrown when the budget runs out; preallocated and stackless, it costs nothing to throw. */
    static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Exhausted INSTANCE = new Exhausted();

        private Exhausted() {
            super("the match read its input too often", null, false, false);
        }
    }

    private final String text;
    private final long budget;
    private long remaining;

    BoundedInput(String text) {
        this.text = text;
        this.budget = (long) READS_PER_CHARACTER * (text.length() + FLOOR_CHARACTERS);
        this.remaining = budget;
    }

    /** A fresh budget, for the next pattern. */
    BoundedInput reset() {
        remaining = budget;
        return this;
    }

    @Override
    public char charAt(int index) {
        if (--remaining < 0) {
            throw Exhausted.INSTANCE;
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
