package org.dbchooser.itests.databases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a PostgreSQL server says it ran, from its own log ({@code log_statement = all},
 * {@code log_line_prefix = '%m [%p] %q%u@%d '}): the statements and errors between two
 * markers that the test sends to the server itself.
 */
public final class StatementLog {

    /** One log entry: who ran it, its level (LOG, ERROR, ...) and its message. */
    public record Entry(String user, String level, String message) {

        private static final Pattern STATEMENT = Pattern.compile("(?:statement|execute [^:]+): (.*)", Pattern.DOTALL);

        /** The SQL of a logged statement, or {@code null} when the entry is not one. */
        public String sql() {
            Matcher m = STATEMENT.matcher(message);
            return level.equals("LOG") && m.matches() ? m.group(1).strip() : null;
        }
    }

    private static final Pattern LINE = Pattern.compile(
            "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+ \\S+ \\[\\d+\\] (?:(\\S*)@\\S* )?([A-Z]+):  (.*)$");

    private final String marker = "dbchooser-audit-" + UUID.randomUUID();

    /** Writes the opening marker into the log of the server behind CONNECTION. */
    public void begin(Connection connection) throws SQLException {
        mark(connection, "begin");
    }

    public void end(Connection connection) throws SQLException {
        mark(connection, "end");
    }

    private void mark(Connection connection, String which) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select '" + marker + " " + which + "'");
        }
    }

    /**
     * The entries between this log's begin and end markers in FILE, markers excluded,
     * once the server has written the end marker there (it may take a moment).
     */
    public List<Entry> between(Path file) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                return window(file);
            } catch (IllegalStateException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(20);
            }
        }
    }

    /**
     * The statements SERVER ran while WORK ran, from its own log: markers are sent
     * through CONNECTION, a connection to that server, before and after.
     */
    public static List<Entry> during(String server, Connection connection, Work work) throws Exception {
        StatementLog log = new StatementLog();
        log.begin(connection);
        try {
            work.run();
        } finally {
            log.end(connection);
        }
        return log.between(BuildDatabases.log(server));
    }

    /** Work whose statements are looked at. */
    public interface Work {
        void run() throws Exception;
    }

    private List<Entry> window(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        boolean inside = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                if (inside && !entries.isEmpty()) { // a statement spread over several lines
                    Entry last = entries.remove(entries.size() - 1);
                    entries.add(new Entry(last.user(), last.level(), last.message() + "\n" + line));
                }
                continue;
            }
            Entry entry = new Entry(m.group(1), m.group(2), m.group(3));
            if (entry.message().contains(marker + " begin")) {
                inside = true;
            } else if (entry.message().contains(marker + " end")) {
                return entries;
            } else if (inside) {
                entries.add(entry);
            }
        }
        throw new IllegalStateException(file + " holds no complete window " + marker + (inside ? " (no end marker)" : ""));
    }
}
