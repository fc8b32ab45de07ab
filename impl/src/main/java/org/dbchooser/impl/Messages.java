package org.dbchooser.impl;

import java.util.Collection;

import org.dbchooser.DbChooserException;
import org.dbchooser.MaintenanceModeException;
import org.dbchooser.MasterUnavailableException;
import org.dbchooser.Route;
import org.dbchooser.SlaveWriteException;

/**
 * Every message dbchooser gives a user, each with its code. Ranges: 1xx configuration,
 * 2xx annotations, 3xx run time. The README lists them.
 */
final class Messages {

    private Messages() {
    }

    static String format(String code, String text) {
        return code + ": " + text;
    }

    // --- 1xx: configuration, reported when the application deploys

    static String invalidPattern(String key, String pattern, String reason) {
        return format("DBCHOOSER-101", key + " holds '" + pattern
                + "', which is not a valid regular expression: " + reason);
    }

    static String emptyPattern(String key, String rawValue) {
        return format("DBCHOOSER-102", key + " = '" + rawValue + "' holds an empty pattern, which would match every request; "
                + (key.endsWith("]") ? "remove the entry" : "remove the stray comma"));
    }

    static String unknownHttpMethod(String key, String method, Collection<String> known) {
        return format("DBCHOOSER-103", key + " holds '" + method + "', which is not an HTTP method; use "
                + String.join(", ", known) + " (upper case)");
    }

    static String blankUnitName(String key, String rawValue) {
        return format("DBCHOOSER-104", key + " = '" + rawValue + "' is blank; give the name of a persistence unit");
    }

    static String sameUnit(String masterKey, String slaveKey, String unit) {
        return format("DBCHOOSER-105", masterKey + " and " + slaveKey + " both name the persistence unit '" + unit
                + "'; the slave needs a unit of its own that points at the replica");
    }

    static String unknownUnit(String key, String unit, Collection<String> declared) {
        return format("DBCHOOSER-106", key + " = '" + unit + "' names no persistence unit in META-INF/persistence.xml"
                + (declared.isEmpty() ? " (no persistence unit is declared)" : " (declared: " + String.join(", ", declared) + ")"));
    }

    static String jtaSlaveUnit(String key, String unit) {
        return format("DBCHOOSER-108", key + " = '" + unit + "' is a JTA unit; the slave unit must be RESOURCE_LOCAL"
                + " (on a <non-jta-data-source> on an application server), so that slave reads never join the master's"
                + " JTA transaction");
    }

    static String notADuration(String key, String value) {
        return format("DBCHOOSER-109", key + " holds '" + value + "', which is not a duration; write for example 500ms, 2s,"
                + " 1m or PT0.5S");
    }

    static String durationTooShort(String key, String value, java.time.Duration minimum) {
        return format("DBCHOOSER-109", key + " holds '" + value + "', which is less than " + Durations.format(minimum));
    }

    static String notABoolean(String key, String value) {
        return format("DBCHOOSER-110", key + " holds '" + value + "', which is neither true nor false");
    }

    static String notAReadYourWritesMode(String key, String value) {
        return format("DBCHOOSER-111", key + " holds '" + value + "'; use off, lsn (WAL-position tokens) or time"
                + " (pinning to the master for db_chooser.read-your-writes-pin)");
    }

    static String unknownKey(String key, Collection<String> known) {
        return format("DBCHOOSER-107", "unknown configuration key '" + key + "'; dbchooser reads "
                + String.join(", ", known));
    }

    // --- 2xx: annotations, reported when the application deploys

    static String bothOnMethod(String method) {
        return format("DBCHOOSER-201", "@ReadOnly and @Master are both present on " + method + "; keep one");
    }

    static String bothOnClass(String type) {
        return format("DBCHOOSER-202", "@ReadOnly and @Master are both present on class " + type
                + " (directly or through stereotypes); keep one, and annotate the methods that differ");
    }

    static String notInterceptable(String annotation, String method, String why) {
        return format("DBCHOOSER-203", annotation + " on " + method + " has no effect: the method is " + why
                + ", and interceptors only run on business methods; move the annotation to a public method");
    }

    // --- 3xx: run time

    static SlaveWriteException slaveWriteRefused(String operation, String caller, RouteContext context) {
        return new SlaveWriteException("DBCHOOSER-301", "write refused on the slave route: " + operation + " called from "
                + caller + ". " + where(context) + " Nothing was written. " + fix(context), null);
    }

    static SlaveWriteException slaveWriteRejected(String operation, String caller, RouteContext context,
            String serverMessage, Throwable cause) {
        return new SlaveWriteException("DBCHOOSER-302", "the slave rejected a write (" + serverMessage + ") during "
                + operation + " called from " + caller + ". " + where(context)
                + " The slave's transaction was rolled back; nothing was written. " + fix(context), cause);
    }

    static String unitFailed(String key, String unit, String reason) {
        return format("DBCHOOSER-303", "could not open the persistence unit '" + unit + "' (" + key + "): " + reason);
    }

    static DbChooserException noUnitOfWork(Throwable cause) {
        return new DbChooserException("DBCHOOSER-305", "the routed EntityManager was used on thread '"
                + Thread.currentThread().getName() + "' outside any unit of work: in plain CDI its entity managers live"
                + " as long as a CDI request context, and none is active. Start one around the work: annotate the entry"
                + " method with @Master or @ReadOnly, run it through Routing.call(...), or annotate it"
                + " @ActivateRequestContext", cause);
    }

    static MasterUnavailableException masterUnavailable(String operation) {
        return new MasterUnavailableException("DBCHOOSER-310", "the master cannot be reached, so " + operation
                + " was not tried; slave-routed reads keep working. The application is still up: answer 503 and retry"
                + " later (dbchooser checks the master again every few seconds)", null);
    }

    static MasterUnavailableException masterLost(String operation, Throwable cause) {
        return new MasterUnavailableException("DBCHOOSER-310", "the master could not be reached during " + operation
                + "; the work did not complete and its transaction will not commit. Slave-routed reads keep working."
                + " The application is still up: answer 503 and retry later (dbchooser checks the master again every"
                + " few seconds)", cause);
    }

    static MaintenanceModeException maintenanceWriteRefused(String operation, String caller) {
        return new MaintenanceModeException("DBCHOOSER-311", "write refused: the application is in read-only maintenance"
                + " mode (db_chooser.read-only, or Maintenance.setReadOnly(true)); " + operation + " called from " + caller
                + " was not sent to any server. Nothing was written. Answer 503 and retry when maintenance is over", null);
    }

    static String patternAbandoned(String pattern, String methodAndPath) {
        String shown = methodAndPath.length() > 200 ? methodAndPath.substring(0, 200) + "... (" + methodAndPath.length()
                + " characters)" : methodAndPath;
        return format("DBCHOOSER-312", pattern + " backtracked too long on '" + shown + "' and was abandoned; the request"
                + " went to the master, as will every request it gives up on (logged once per pattern). Rewrite the"
                + " pattern without nested quantifiers such as (a+)+ or (.*)*");
    }

    static String deadPooledConnections(Route route) {
        return format("DBCHOOSER-313", "the " + route.name().toLowerCase() + "'s connection pool handed out connections that"
                + " had died with their server (SQLSTATE 08003) on every try of a check; the server may be back, but a pool"
                + " that does not validate connections keeps handing them out. Validate connections when they are taken"
                + " from the pool: on WildFly, validate-on-match with the PostgreSQLValidConnectionChecker; on Payara,"
                + " is-connection-validation-required with PostgresConnectionValidation (README: the data sources)");
    }

    static String closeRefused() {
        return format("DBCHOOSER-304", "the routed EntityManager is managed by dbchooser and cannot be closed by the application");
    }

    private static String where(RouteContext context) {
        return "The route was chosen by " + context.decisionOrDefault().origin() + "; "
                + (context.request == null ? "no HTTP request." : "request: " + context.request + ".");
    }

    private static String fix(RouteContext context) {
        return context.request == null
                ? "To write here, annotate the method that writes with @Master, or run it through Routing.call(Route.MASTER, ...)."
                : "To write here, annotate the method that writes with @Master, or add a db_chooser.master pattern that matches \""
                        + context.request + "\".";
    }
}
