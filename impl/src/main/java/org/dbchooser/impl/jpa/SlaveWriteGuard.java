package org.dbchooser.impl.jpa;

import org.dbchooser.impl.Messages;
import org.dbchooser.impl.routing.RouteContext;

import java.sql.SQLException;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.dbchooser.SlaveWriteException;

/**
 * Keeps writes off the slave route. Writes the code asks for by name (persist, merge,
 * remove, bulk updates, write locks) are refused before anything reaches a server.
 * Writes that only show at flush time (a changed entity) are rejected by the
 * read-only slave itself (SQLSTATE 25006); that rejection is turned into the same
 * kind of message. Only slave-route objects pass through here: the master path
 * pays nothing. Queries are guarded by {@link RoutedQuery}, transactions by
 * {@link RoutedTransaction}.
 */
final class SlaveWriteGuard {

    /** PostgreSQL's read_only_sql_transaction: a hot standby, or a read-only transaction, refused a write. */
    static final String READ_ONLY_SQL_TRANSACTION = "25006";

    private static final StackWalker STACK = StackWalker.getInstance();

    private SlaveWriteGuard() {
    }

    static SlaveWriteException refused(String operation) {
        RouteContext context = RouteContext.current();
        return Messages.slaveWriteRefused(operation, caller(), context.decisionOrDefault().origin(), context.request());
    }

    static boolean isWriteLock(LockModeType mode) {
        return mode == LockModeType.PESSIMISTIC_WRITE || mode == LockModeType.PESSIMISTIC_FORCE_INCREMENT
                || mode == LockModeType.OPTIMISTIC_FORCE_INCREMENT || mode == LockModeType.WRITE;
    }

    /** The slave's own rejection of a write, explained; any other failure unchanged. */
    static RuntimeException translate(RuntimeException failure, String operation) {
        Optional<SQLException> readOnly = readOnlyRejection(failure);
        if (readOnly.isEmpty()) {
            return failure;
        }
        RouteContext context = RouteContext.current();
        return Messages.slaveWriteRejected(operation, caller(), context.decisionOrDefault().origin(), context.request(),
                readOnly.get().getMessage(), failure);
    }

    private static Optional<SQLException> readOnlyRejection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (READ_ONLY_SQL_TRANSACTION.equals(s.getSQLState())) {
                        return Optional.of(s);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The application code that asked for the write: the first frame that is not dbchooser, JPA, CDI or the JDK. */
    static String caller() {
        return STACK.walk(frames -> frames
                .filter(f -> !isInfrastructure(f.getClassName()))
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElse("unknown code"));
    }

    private static boolean isInfrastructure(String className) {
        return className.startsWith("org.dbchooser.impl.") || className.startsWith("java.")
                || className.startsWith("jdk.") || className.startsWith("sun.") || className.startsWith("jakarta.")
                || className.startsWith("org.hibernate.") || className.startsWith("org.jboss.weld.")
                || className.contains("$Proxy") || className.contains("$$");
    }
}
