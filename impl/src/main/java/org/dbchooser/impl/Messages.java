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
public final class Messages {

    private Messages() {
    }

    static String format(String code, String text) {
        return code + ": " + text;
    }

    // --- 1xx: configuration, reported when the application deploys

    public static String invalidPattern(String key, String pattern, String reason) {
        return format("DBCHOOSER-101", key + " holds '" + pattern
                + "', which is not a valid regular expression: " + reason);
    }

    public static String emptyPattern(String key, String rawValue) {
        return format("DBCHOOSER-102", key + " = '" + rawValue + "' holds an empty pattern, which would match every request; "
                + (key.endsWith("]") ? "remove the entry" : "remove the stray comma"));
    }

    public static String unknownHttpMethod(String key, String method, Collection<String> known) {
        return format("DBCHOOSER-103", key + " holds '" + method + "', which is not an HTTP method; use "
                + String.join(", ", known) + " (upper case)");
    }

    public static String blankUnitName(String key, String rawValue) {
        return format("DBCHOOSER-104", key + " = '" + rawValue + "' is blank; give the name of a persistence unit");
    }

    public static String emptyUnitEntry(String key, String rawValue) {
        return format("DBCHOOSER-114", key + " = '" + rawValue + "' has an empty entry; give the name of each standby's"
                + " persistence unit");
    }

    public static String repeatedUnit(String key, String rawValue, String unit) {
        return format("DBCHOOSER-113", key + " = '" + rawValue + "' names the persistence unit '" + unit + "' twice;"
                + " list each standby's unit once");
    }

    public static String sameUnit(String masterKey, String slaveKey, String unit) {
        return format("DBCHOOSER-105", masterKey + " and " + slaveKey + " both name the persistence unit '" + unit
                + "'; the slave needs a unit of its own that points at the replica");
    }

    public static String unknownUnit(String key, String unit, String declaredIn, Collection<String> declared) {
        return format("DBCHOOSER-106", key + " = '" + unit + "' names no persistence unit in " + declaredIn
                + (declared.isEmpty() ? " (no persistence unit is declared)" : " (declared: " + String.join(", ", declared) + ")"));
    }

    public static String jtaSlaveUnit(String key, String unit) {
        return format("DBCHOOSER-108", key + " = '" + unit + "' is a JTA unit; the slave unit must be RESOURCE_LOCAL"
                + " (on a <non-jta-data-source> on an application server), so that slave reads never join the master's"
                + " JTA transaction");
    }

    public static String slaveDataSourceJoinsTransactions(String key, String unit, String dataSourceKey, String value) {
        return format("DBCHOOSER-115", key + " = '" + unit + "' is a unit whose data source joins JTA transactions ("
                + dataSourceKey + " = " + value + "); set " + dataSourceKey + "=disabled, so that slave reads never join"
                + " the master's JTA transaction (one transaction accepts one data source that is not XA)");
    }

    public static String notADuration(String key, String value) {
        return format("DBCHOOSER-109", key + " holds '" + value + "', which is not a duration; write for example 500ms, 2s,"
                + " 1m or PT0.5S");
    }

    public static String durationTooShort(String key, String value, String minimum) {
        return format("DBCHOOSER-109", key + " holds '" + value + "', which is less than " + minimum);
    }

    public static String notABoolean(String key, String value) {
        return format("DBCHOOSER-110", key + " holds '" + value + "', which is neither true nor false");
    }

    public static String notAReadYourWritesMode(String key, String value) {
        return format("DBCHOOSER-111", key + " holds '" + value + "'; use off, lsn (WAL-position tokens) or time"
                + " (pinning to the master for db_chooser.read-your-writes-pin)");
    }

    public static String unknownKey(String key, Collection<String> known) {
        return format("DBCHOOSER-107", "unknown configuration key '" + key + "'; dbchooser reads "
                + String.join(", ", known));
    }

    // --- 2xx: annotations, reported when the application deploys

    public static String bothOnMethod(String method) {
        return format("DBCHOOSER-201", "@ReadOnly and @Master are both present on " + method + "; keep one");
    }

    public static String bothOnClass(String type) {
        return format("DBCHOOSER-202", "@ReadOnly and @Master are both present on class " + type
                + " (directly or through stereotypes); keep one, and annotate the methods that differ");
    }

    public static String notInterceptable(String annotation, String method, String why) {
        return format("DBCHOOSER-203", annotation + " on " + method + " has no effect: the method is " + why
                + ", and interceptors only run on business methods; move the annotation to a public method");
    }

    // --- 3xx: run time

    /**
     * @param origin  what chose the route, in words
     * @param request {@code "METHOD PATH"} of the HTTP request, or null
     */
    public static SlaveWriteException slaveWriteRefused(String operation, String caller, String origin, String request) {
        return new SlaveWriteException("DBCHOOSER-301", "write refused on the slave route: " + operation + " called from "
                + caller + ". " + where(origin, request) + " Nothing was written. " + fix(request), null);
    }

    public static SlaveWriteException slaveWriteRejected(String operation, String caller, String origin, String request,
            String serverMessage, Throwable cause) {
        return new SlaveWriteException("DBCHOOSER-302", "the slave rejected a write (" + serverMessage + ") during "
                + operation + " called from " + caller + ". " + where(origin, request)
                + " The slave's transaction was rolled back; nothing was written. " + fix(request), cause);
    }

    public static String unitFailed(String key, String unit, String reason) {
        return format("DBCHOOSER-303", "could not open the persistence unit '" + unit + "' (" + key + "): " + reason);
    }

    public static DbChooserException noUnitOfWork(Throwable cause) {
        return new DbChooserException("DBCHOOSER-305", "the routed EntityManager was used on thread '"
                + Thread.currentThread().getName() + "' outside any unit of work: in plain CDI its entity managers live"
                + " as long as a CDI request context, and none is active. Start one around the work: annotate the entry"
                + " method with @Master or @ReadOnly, run it through Routing.call(...), or annotate it"
                + " @ActivateRequestContext", cause);
    }

    public static MasterUnavailableException masterUnavailable(String operation) {
        return new MasterUnavailableException("DBCHOOSER-310", "the master cannot be reached, so " + operation
                + " was not tried; slave-routed reads keep working. The application is still up: answer 503 and retry"
                + " later (dbchooser checks the master again every few seconds)", null);
    }

    public static MasterUnavailableException masterLost(String operation, Throwable cause) {
        return new MasterUnavailableException("DBCHOOSER-310", "the master could not be reached during " + operation
                + "; the work did not complete and its transaction will not commit. Slave-routed reads keep working."
                + " The application is still up: answer 503 and retry later (dbchooser checks the master again every"
                + " few seconds)", cause);
    }

    public static MaintenanceModeException maintenanceWriteRefused(String operation, String caller) {
        return new MaintenanceModeException("DBCHOOSER-311", "write refused: the application is in read-only maintenance"
                + " mode (db_chooser.read-only, or Maintenance.setReadOnly(true)); " + operation + " called from " + caller
                + " was not sent to any server. Nothing was written. Answer 503 and retry when maintenance is over", null);
    }

    public static String patternAbandoned(String pattern, String methodAndPath) {
        String shown = methodAndPath.length() > 200 ? methodAndPath.substring(0, 200) + "... (" + methodAndPath.length()
                + " characters)" : methodAndPath;
        return format("DBCHOOSER-312", pattern + " backtracked too long on '" + shown + "' and was abandoned; the request"
                + " went to the master, as will every request it gives up on (logged once per pattern). Rewrite the"
                + " pattern without nested quantifiers such as (a+)+ or (.*)*");
    }

    /** {@code server}: "master", or "slave (unit NAME)". */
    public static String deadPooledConnections(String server) {
        return format("DBCHOOSER-405", "the " + server + "'s connection pool handed out connections that"
                + " had died with their server (SQLSTATE 08003) on every try of a check; the server may be back, but a pool"
                + " that does not validate connections keeps handing them out. Validate connections when they are taken"
                + " from the pool: on WildFly, validate-on-match with the PostgreSQLValidConnectionChecker; on Payara,"
                + " is-connection-validation-required with PostgresConnectionValidation (README: the data sources)");
    }

    public static String unreadablePersistenceXml(String reason) {
        return format("DBCHOOSER-112", "cannot read META-INF/persistence.xml: " + reason);
    }

    // --- 4xx: operational warnings and notices, logged (3xx are the failures work meets)

    public static String slaveUnreachable(String unit, String reason, boolean fallback) {
        return format("DBCHOOSER-401", "the slave (unit " + unit + ") cannot be reached (" + reason + ")"
                + (fallback ? "; slave-routed work goes to the other standbys, or the master, until it is back" : ""));
    }

    public static String slaveBack(String unit) {
        return format("DBCHOOSER-402", "the slave (unit " + unit + ") is back; slave-routed work reads from it again");
    }

    public static String slavePromoted(String unit) {
        return format("DBCHOOSER-412", "the slave unit " + unit + " reaches a server that is not in recovery: a standby"
                + " that was promoted, or a primary. It serves no slave-routed reads until it reaches a standby again;"
                + " point the unit at a standby (with pgjdbc, targetServerType=secondary)");
    }

    public static String masterUnreachable(String reason) {
        return format("DBCHOOSER-403", "the master cannot be reached (" + reason + "); master-routed work fails at once"
                + " until it is back");
    }

    public static String masterBack() {
        return format("DBCHOOSER-404", "the master is back; master-routed work runs again");
    }

    public static String maintenance(boolean on) {
        return format("DBCHOOSER-406", on
                ? "read-only maintenance mode ON: all work reads from the slave, writes are refused"
                : "read-only maintenance mode OFF: routing as usual");
    }

    public static String routeLeftOnThread() {
        return format("DBCHOOSER-407", "a route was left on this thread by earlier work; it was cleared");
    }

    public static String noReadYourWritesToken(String reason) {
        return format("DBCHOOSER-408", "no read-your-writes token for this response (" + reason + "); the client's next"
                + " read may be stale, not wrong");
    }

    public static String transactionRolledBack(String route) {
        return format("DBCHOOSER-409", "a transaction on the " + route + " was still open when its unit of work ended;"
                + " it was rolled back");
    }

    public static String rollbackFailed(String route, Throwable failure) {
        return format("DBCHOOSER-410", "a transaction on the " + route + " was still open when its unit of work ended"
                + " and could not be rolled back (" + failure + "); the server ends it when its connection closes,"
                + " which happens now");
    }

    public static String closingUnitFailed(Throwable failure) {
        return format("DBCHOOSER-411", "closing a persistence unit failed: " + failure);
    }

    public static String closeRefused() {
        return format("DBCHOOSER-304", "the routed EntityManager is managed by dbchooser and cannot be closed by the application");
    }

    private static String where(String origin, String request) {
        return "The route was chosen by " + origin + "; " + (request == null ? "no HTTP request." : "request: " + request + ".");
    }

    private static String fix(String request) {
        return request == null
                ? "To write here, annotate the method that writes with @Master, or run it through Routing.call(Route.MASTER, ...)."
                : "To write here, annotate the method that writes with @Master, or add a db_chooser.master pattern that matches \""
                        + request + "\".";
    }
}
