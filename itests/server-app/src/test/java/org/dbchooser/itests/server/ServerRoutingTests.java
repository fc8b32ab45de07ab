package org.dbchooser.itests.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.dbchooser.itests.databases.BuildDatabases;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The test application on a real server, driven by real HTTP requests; every answer
 * names the database server that ran the work, as that server reports it. Each
 * server module extends this class.
 *
 * <p>Three deployments of the same WAR: {@code file-config} carries
 * {@code db_chooser.master=GET /items/short/.*} and {@code db_chooser.read-your-writes=lsn}
 * in its microprofile-config.properties; {@code env-only} has no such file;
 * {@code time-pin} reads its own (read-your-writes by time, a lag bound, a fast monitor).
 * The server's environment gives them all {@code DB_CHOOSER_SLAVE='\w+ /printproxy/.*'}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ServerRoutingTests {

    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";
    private static final String PERSISTENCE = "WEB-INF/classes/META-INF/persistence.xml";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * A server adapter that gives each deployment a server of its own (Payara Micro here)
     * sets this system property, followed by the archive's name, to the application's URL.
     */
    public static final String DEPLOYMENT_URL = "dbchooser.deployment.url.";

    /** The test application's WAR, as the build made it, deployed under NAME. */
    public static WebArchive app(String name) {
        return ShrinkWrap.create(ZipImporter.class, name + ".war")
                .importFrom(new File(System.getProperty("server.app.war")))
                .as(WebArchive.class);
    }

    @Deployment(name = "file-config", testable = false, order = 1)
    static WebArchive fileConfig() {
        return app("file-config");
    }

    @Deployment(name = "env-only", testable = false, order = 2)
    static WebArchive environmentOnly() {
        WebArchive war = app("env-only");
        war.delete(CONFIG);
        return war;
    }

    /** Read-your-writes by time, reads kept off a standby more than 1 s behind, the servers asked every 200 ms. */
    @Deployment(name = "time-pin", testable = false, order = 3)
    static WebArchive timePin() {
        WebArchive war = app("time-pin");
        war.delete(CONFIG);
        return war.add(new StringAsset("db_chooser.master=GET /items/short/.*\n"
                + "db_chooser.read-your-writes=time\ndb_chooser.read-your-writes-pin=2s\n"
                + "db_chooser.max-lag=1s\ndb_chooser.health-interval=200ms\n"), CONFIG);
    }

    /** Deployed by the test of the first request, and undeployed by it. */
    @Deployment(name = "fresh", testable = false, managed = false)
    static WebArchive fresh() {
        return app("fresh");
    }

    /**
     * Each standby in a unit of its own, on a data source of its own
     * ({@code db_chooser.slave-unit=slave,slave2}); deployed by its test, undeployed by it.
     */
    @Deployment(name = "two-standbys", testable = false, managed = false)
    static WebArchive twoStandbys() {
        WebArchive war = app("two-standbys");
        war.delete(CONFIG);
        return war.add(new StringAsset("db_chooser.slave-unit=slave,slave2\ndb_chooser.health-interval=200ms\n"), CONFIG);
    }

    /** WAR with its persistence.xml changed by CHANGE. */
    private static WebArchive withUnits(WebArchive war, UnaryOperator<String> change) throws IOException {
        String units;
        try (var in = war.get(PERSISTENCE).getAsset().openStream()) {
            units = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        war.delete(PERSISTENCE);
        return war.add(new StringAsset(change.apply(units)), PERSISTENCE);
    }

    /**
     * The units under names of the application's own: master {@code primary}, the standbys
     * {@code replica-a} and {@code replica-b}, named in {@code db_chooser.master-unit} and
     * {@code db_chooser.slave-unit}; deployed by its test, undeployed by it.
     */
    @Deployment(name = "own-unit-names", testable = false, managed = false)
    static WebArchive ownUnitNames() throws IOException {
        WebArchive war = withUnits(app("own-unit-names"), units -> units.replace("name=\"master\"", "name=\"primary\"")
                .replace("name=\"slave\"", "name=\"replica-a\"").replace("name=\"slave2\"", "name=\"replica-b\""));
        war.delete(CONFIG);
        war.add(new StringAsset("db_chooser.master-unit=primary\ndb_chooser.slave-unit=replica-a,replica-b\n"), CONFIG);
        if (Boolean.getBoolean("master.unit.by.web.xml")) {
            // Payara injects dbchooser's master by the references its classes declare: web.xml points them at primary, as the README says
            war.setWebXML(new StringAsset("""
                    <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                      <persistence-context-ref>
                        <persistence-context-ref-name>dbchooser/master</persistence-context-ref-name>
                        <persistence-unit-name>primary</persistence-unit-name>
                      </persistence-context-ref>
                      <persistence-unit-ref>
                        <persistence-unit-ref-name>dbchooser/master-unit</persistence-unit-ref-name>
                        <persistence-unit-name>primary</persistence-unit-name>
                      </persistence-unit-ref>
                    </web-app>
                    """));
        }
        return war;
    }

    /**
     * The master's unit on the failover data source ({@code jdbc/dbchooser-master-failover}:
     * the master and the first standby, targetServerType=primary, hostRecheckSeconds=1), both
     * standbys listed; deployed by its test, undeployed by it.
     */
    @Deployment(name = "failover", testable = false, managed = false)
    static WebArchive failover() throws IOException {
        WebArchive war = withUnits(app("failover"), units -> units.replace("jdbc/dbchooser-master<", "jdbc/dbchooser-master-failover<"));
        war.delete(CONFIG);
        return war.add(new StringAsset("db_chooser.slave-unit=slave,slave2\ndb_chooser.health-interval=200ms\n"), CONFIG);
    }

    @Deployment(name = "bad-config", testable = false, managed = false)
    static WebArchive badConfig() {
        WebArchive war = app("bad-config");
        war.delete(CONFIG);
        return war.add(new StringAsset("db_chooser.master=(unclosed\ndb_chooser.slave-methods=GET,FETCH\n"), CONFIG);
    }

    /** What the server's own OpenTelemetry export sends, received outside the application. */
    private static OtlpReceiver otlp;

    /** How long the server's log was when this class began: a log kept from an earlier build says nothing of this one. */
    private static int logAtStart;

    @BeforeAll
    static void schema() throws Exception {
        Path log = Path.of(System.getProperty("server.log"));
        logAtStart = Files.exists(log) ? serverLog().length() : 0;
        Servers.createSchema();
        otlp = new OtlpReceiver(Integer.getInteger("otlp.port"));
    }

    @AfterAll
    static void stopReceiver() {
        otlp.close();
    }

    @ArquillianResource
    @OperateOnDeployment("file-config")
    URL fileConfig;

    @ArquillianResource
    @OperateOnDeployment("env-only")
    URL envOnly;

    @ArquillianResource
    @OperateOnDeployment("time-pin")
    URL timePin;

    @ArquillianResource
    Deployer deployer;

    /**
     * After a test that stopped a server, each deployment's monitor must have seen it
     * back before the next test runs, even when that test failed half-way: every
     * deployment takes a write and reads from the standby again (10 s at most; a test
     * that needs it sooner asserts it itself).
     */
    @AfterEach
    void everyDeploymentServesAsUsual() throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        for (URL deployment : new URL[] {fileConfig, envOnly, timePin}) {
            while (System.nanoTime() < deadline && !(send("POST", deployment, "/items/back-" + UUID.randomUUID()).status() == 200
                    && Servers.standby().equals(send("GET", deployment, "/anything/back").servedBy()))) {
                Thread.sleep(100);
            }
        }
    }

    /**
     * Where this server publishes the readiness checks of {@code deployment}, dbchooser's
     * among them: the server's own MicroProfile Health endpoint, {@code /health/ready}.
     */
    protected abstract URI readinessEndpoint(URL deployment);

    /** The persistence provider's own native query type on this server, for example {@code org.hibernate.query.NativeQuery}. */
    protected abstract String providerQueryType();

    /** The persistence provider's own entity manager (session) type on this server, for example {@code org.hibernate.Session}. */
    protected abstract String providerSessionType();

    public record Answer(int status, String body, String servedBy) {
    }

    public static Answer send(String method, URL base, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("X-Served-By").orElse(null));
    }

    /** A request with a cookie of the test's choosing (null: none); the whole answer, headers included. */
    static HttpResponse<String> exchange(String method, URL base, String path, String cookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The server's log as it is now; a test compares it with the log after its requests. */
    static String serverLog() throws IOException {
        return Files.readString(Path.of(System.getProperty("server.log")), StandardCharsets.UTF_8);
    }

    /**
     * The server's log from FROM on, once it holds everything the server logged until
     * now: a marker line is logged through DEPLOYMENT and waited for (Payara's log is
     * copied in the background, 10 s at most).
     */
    static String serverLogSince(int from, URL deployment) throws Exception {
        String marker = "dbchooser-log-marker-" + UUID.randomUUID();
        assertThat(send("POST", deployment, "/items/log-marker/" + marker).status()).isEqualTo(200);
        long start = System.nanoTime();
        String log = serverLog();
        while (!log.contains(marker)) {
            assertThat(System.nanoTime() - start).as("the marker in the server's log within 10 s").isLessThan(10_000_000_000L);
            Thread.sleep(50);
            log = serverLog();
        }
        return log.substring(from, log.indexOf(marker));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"GET, standby", "HEAD, standby", "OPTIONS, standby", "POST, master", "PUT, master", "PATCH, master",
            "DELETE, master"})
    void eachMethodRunsWhereTheSeedSays(String method, String expected) throws Exception {
        String server = expected.equals("standby") ? Servers.standby() : Servers.master();
        assertThat(send(method, fileConfig, "/anything/" + UUID.randomUUID()).servedBy()).isEqualTo(server);
        assertThat(send(method, envOnly, "/anything/" + UUID.randomUUID()).servedBy()).isEqualTo(server);
    }

    @Test
    void slavePatternFromTheEnvironmentKeepsItsBackslash() throws Exception {
        assertThat(send("POST", envOnly, "/printproxy/report.pdf").servedBy()).isEqualTo(Servers.standby());
        assertThat(send("PUT", fileConfig, "/printproxy/report.pdf").servedBy()).isEqualTo(Servers.standby());
        assertThat(send("POST", envOnly, "/v2/printproxy/report.pdf").servedBy())
                .as("anchored at the start").isEqualTo(Servers.master());
    }

    @Test
    void aGetThatWritesFailsWithTheDbChooserMessageAndWritesNothing() throws Exception {
        String name = "visit-" + UUID.randomUUID();
        Answer answer = send("GET", fileConfig, "/items/visit/" + name);
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).isEqualTo("DBCHOOSER-301: write refused on the slave route: EntityManager.persist(Item)"
                + " called from org.dbchooser.itests.app.ServedBy.insert(ServedBy.java:20). The route was chosen by the"
                + " request method (GET, HEAD, OPTIONS read from the slave: db_chooser.slave-methods); request: GET /items/visit/"
                + name + ". Nothing was written. To write here, annotate the method that writes with @Master, or add a"
                + " db_chooser.master pattern that matches \"GET /items/visit/" + name + "\".");
        assertThat(Servers.countOnMaster(name)).isZero();
    }

    @Test
    void theSameKindOfGetListedInDbChooserMasterWrites() throws Exception {
        String name = "short-" + UUID.randomUUID();
        Answer answer = send("GET", fileConfig, "/items/short/" + name);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(Servers.master());
        assertThat(Servers.countOnMaster(name)).isEqualTo(1);
    }

    @Test
    void withoutTheFileThatGetIsNotListedAndFails() throws Exception {
        String name = "short-" + UUID.randomUUID();
        Answer answer = send("GET", envOnly, "/items/short/" + name);
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).startsWith("DBCHOOSER-301: write refused on the slave route");
        assertThat(Servers.countOnMaster(name)).isZero();
    }

    @Test
    void slaveReadThenMasterWriteInOneJtaTransactionCommitsWithoutWarnings() throws Exception {
        String name = "read-write-read-" + UUID.randomUUID();
        int logBefore = serverLog().length();
        Answer answer = send("GET", fileConfig, "/items/read-write-read/" + name);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        // read on the slave; write through @Master on the master; then the transaction has used
        // the master, so the next @ReadOnly read stays there and sees the write (stickiness)
        assertThat(answer.body()).isEqualTo(Servers.standby() + "," + Servers.master() + "," + Servers.master());
        assertThat(Servers.countOnMaster(name)).isEqualTo(1);
        String logDuringRequest = serverLogSince(logBefore, fileConfig);
        assertThat(logDuringRequest).doesNotContain("WARN").doesNotContain("ERROR");
    }

    @Test
    void aRollbackLeavesNothingOnEitherServer() throws Exception {
        String name = "rollback-" + UUID.randomUUID();
        Answer[] answer = new Answer[1];
        List<String> onMaster = Servers.statementsOnMaster(() -> answer[0] = send("POST", fileConfig, "/items/rollback/" + name));
        // the planned failure, after the write: not a refusal that wrote nothing
        assertThat(answer[0].status()).isEqualTo(500);
        assertThat(answer[0].body()).isEqualTo("java.lang.IllegalStateException: failing after the write, on purpose");
        // the master's own log: the INSERT ran there, and its transaction was rolled back, not committed
        int insert = indexOf(onMaster, sql -> sql.toLowerCase(java.util.Locale.ROOT).startsWith("insert into item"));
        assertThat(insert).as("the INSERT in the master's log: %s", onMaster).isNotNegative();
        assertThat(onMaster.subList(insert, onMaster.size())).as("after the INSERT").anyMatch(sql -> sql.equalsIgnoreCase("ROLLBACK"))
                .noneMatch(sql -> sql.equalsIgnoreCase("COMMIT"));
        assertThat(Servers.countOnMaster(name)).isZero();
        assertThat(Servers.countOnStandby(name)).isZero();
    }

    private static int indexOf(List<String> statements, java.util.function.Predicate<String> which) {
        for (int i = 0; i < statements.size(); i++) {
            if (which.test(statements.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void readOnlyOnAnEjbAndOnACdiBeanReadsFromTheStandbyInsideAPost() throws Exception {
        assertThat(send("POST", fileConfig, "/items/read-only-ejb").body()).isEqualTo(Servers.standby());
        assertThat(send("POST", fileConfig, "/items/read-only-bean").body()).isEqualTo(Servers.standby());
    }

    @Test
    void masterMethodInsideAGetRunsOnTheMasterAndTheRequestReturnsToTheStandby() throws Exception {
        assertThat(send("GET", fileConfig, "/items/master-method").body())
                .isEqualTo(Servers.master() + "," + Servers.standby());
    }

    @Test
    void aPostWritesOnTheMaster() throws Exception {
        String name = "post-" + UUID.randomUUID();
        assertThat(send("POST", envOnly, "/items/" + name).body()).isEqualTo(Servers.master());
        assertThat(Servers.countOnMaster(name)).isEqualTo(1);
    }

    @Test
    void insideATransactionThatWroteOnTheMasterEveryReadStaysThereAndSeesTheWrite() throws Exception {
        String name = "sticky-" + UUID.randomUUID();
        Answer answer = send("GET", fileConfig, "/transactions/sticky/" + name);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        // a GET, so the slave route; but after the @Master write the transaction is the master's:
        // unannotated code, @ReadOnly and a Routing block asking for the slave all count on the master
        String onTheMaster = "1 " + Servers.master();
        assertThat(answer.body()).isEqualTo(onTheMaster + "," + onTheMaster + "," + onTheMaster);
        assertThat(Servers.countOnMaster(name)).isEqualTo(1);
        // both kinds of stickiness now count under reason=sticky: the export, every second, sends one point for them,
        // where the server's OpenTelemetry SDK kept one of two and warned
        Thread.sleep(1_500);
        assertThat(serverLogSince(logAtStart, fileConfig)).doesNotContain("has recorded multiple values for the same attributes");
    }

    @Test
    void anEjbWriteKeepsTheCallersTransactionOnTheMaster() throws Exception {
        String name = "sticky-ejb-" + UUID.randomUUID();
        Answer answer = send("GET", fileConfig, "/transactions/sticky-ejb/" + name);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(Servers.master() + ",1 " + Servers.master());
        assertThat(Servers.countOnMaster(name)).isEqualTo(1);
    }

    @Test
    void afterTheTransactionEndsTheRequestIsBackOnItsRoute() throws Exception {
        String name = "after-transaction-" + UUID.randomUUID();
        Answer answer = send("GET", fileConfig, "/transactions/after-transaction/" + name);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        // inside the @Transactional bean: the write and the count on the master; after it: the standby
        assertThat(answer.body()).isEqualTo("1 " + Servers.master() + "," + Servers.standby());
        assertThat(Servers.countOnMaster(name)).isEqualTo(1);
    }

    @Test
    void unwrapHandsBackTheProvidersOwnObjectsOnBothRoutes() throws Exception {
        String providerTypes = " " + providerQueryType() + " " + providerSessionType();
        Answer answer = send("GET", fileConfig,
                "/transactions/unwrap?query=" + providerQueryType() + "&session=" + providerSessionType());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        // unannotated in a GET: the standby; in the @Master bean: the master; each reported by running
        // the unwrapped query itself
        assertThat(answer.body()).isEqualTo(Servers.standby() + providerTypes + "," + Servers.master() + providerTypes);
    }

    @Test
    void readOnlyMaintenanceRefusesEveryWriteWith503AndStillServesReads() throws Exception {
        String viaEjb = "maintenance-ejb-" + UUID.randomUUID();
        String viaBean = "maintenance-bean-" + UUID.randomUUID();
        try {
            Answer on = send("POST", fileConfig, "/transactions/maintenance/on");
            assertThat(on.status()).as(on.body()).isEqualTo(200);
            assertThat(on.body()).isEqualTo("read-only");

            Answer ejb = send("POST", fileConfig, "/transactions/ejb-insert/" + viaEjb);
            assertThat(ejb.status()).as(ejb.body()).isEqualTo(503);
            assertThat(ejb.body()).startsWith("DBCHOOSER-311: ");

            Answer bean = send("POST", fileConfig, "/transactions/native-insert/" + viaBean);
            assertThat(bean.status()).as(bean.body()).isEqualTo(503);
            assertThat(bean.body()).startsWith("DBCHOOSER-311: ");

            assertThat(send("GET", fileConfig, "/anything/" + UUID.randomUUID()).servedBy()).isEqualTo(Servers.standby());
        } finally {
            // the other tests share this deployment: never leave it read-only
            send("POST", fileConfig, "/transactions/maintenance/off");
        }
        assertThat(Servers.countOnMaster(viaEjb)).isZero();
        assertThat(Servers.countOnMaster(viaBean)).isZero();
    }

    @Test
    void outsideMaintenanceTheSameWritesReachTheMaster() throws Exception {
        // the control for the test above: the refused requests are writes that work otherwise
        String viaEjb = "write-ejb-" + UUID.randomUUID();
        String viaBean = "write-bean-" + UUID.randomUUID();
        Answer ejb = send("POST", fileConfig, "/transactions/ejb-insert/" + viaEjb);
        assertThat(ejb.status()).as(ejb.body()).isEqualTo(200);
        assertThat(ejb.body()).isEqualTo(Servers.master());
        Answer bean = send("POST", fileConfig, "/transactions/native-insert/" + viaBean);
        assertThat(bean.status()).as(bean.body()).isEqualTo(200);
        assertThat(bean.body()).isEqualTo(Servers.master());
        assertThat(Servers.countOnMaster(viaEjb)).isEqualTo(1);
        assertThat(Servers.countOnMaster(viaBean)).isEqualTo(1);
    }

    @Test
    void theFirstRequestsAfterDeploymentAreServedWhereTheyBelong() throws Exception {
        deployer.deploy("fresh");
        try {
            URL fresh = new URL(System.getProperty(DEPLOYMENT_URL + "fresh.war", new URL(fileConfig, "/fresh/").toString()));
            String name = "first-" + UUID.randomUUID();
            Answer write = send("POST", fresh, "/items/" + name);
            assertThat(write.status()).as(write.body()).isEqualTo(200);
            assertThat(write.body()).isEqualTo(Servers.master());
            assertThat(send("GET", fresh, "/anything/first").servedBy()).isEqualTo(Servers.standby());
            assertThat(Servers.countOnMaster(name)).isEqualTo(1);
        } finally {
            deployer.undeploy("fresh");
        }
    }

    /**
     * Two standbys on data sources of their own, each judged on its own: reads spread over
     * both; one stopped under reads, no read fails, and from 5 s after the stop every read
     * is served by the other, none by the master. WildFly injects each standby's unit by the
     * name dbchooser gives it; on Payara dbchooser opens each by its name.
     */
    /** The URL of the deployment NAME, which its test deployed. */
    private URL deployed(String name) throws IOException {
        return new URL(System.getProperty(DEPLOYMENT_URL + name + ".war", new URL(fileConfig, "/" + name + "/").toString()));
    }

    /** GETs of DEPLOYMENT's, as the two-standby scenario sends them. */
    private static TwoStandbys.Get gets(URL deployment) {
        return path -> {
            Answer answer = send("GET", deployment, path);
            return new TwoStandbys.Served(answer.status(), answer.body(), answer.servedBy());
        };
    }

    @Test
    void eachStandbyOnADataSourceOfItsOwnIsJudgedOnItsOwn() throws Exception {
        deployer.deploy("two-standbys");
        try {
            URL twoStandbys = deployed("two-standbys");
            TwoStandbys.readsOnBothAndOneStoppedCostsNoRead(gets(twoStandbys));
        } finally {
            deployer.undeploy("two-standbys");
        }
    }

    /**
     * Units named by the application, not dbchooser's defaults: reads reach both standbys
     * and writes the master, through the units the configuration names.
     */
    @Test
    void unitsUnderTheApplicationsOwnNamesAreTheOnesUsed() throws Exception {
        deployer.deploy("own-unit-names");
        try {
            URL ownNames = deployed("own-unit-names");
            TwoStandbys.readsOnBoth(gets(ownNames));
            String name = "own-names-" + UUID.randomUUID();
            Answer write = send("POST", ownNames, "/items/" + name);
            assertThat(write.status()).as("the write: %s", write.body()).isEqualTo(200);
            assertThat(write.body()).as("who ran the write").isEqualTo(Servers.master());
            assertThat(Servers.countOnMaster(name)).isEqualTo(1);
        } finally {
            deployer.undeploy("own-unit-names");
        }
    }

    /**
     * The master crashes under 4 writing clients and 2 reading ones, and the first standby, a
     * synchronous one, is promoted as Patroni or a person would ({@code pg_ctl promote}). The
     * master's data source reaches whichever server is the primary, so writes resume on the new
     * primary without a redeploy, within 5 s; no acknowledged write is lost; no read fails; the
     * monitor judges the promoted server no longer a standby. The build's servers are started
     * afresh afterwards, for the tests that follow.
     */
    @Test
    void aStandbyPromotedAfterTheMasterCrashedTakesTheWritesAndLosesNone() throws Exception {
        deployer.deploy("failover");
        try {
            URL failover = deployed("failover");
            // PostgreSQL's default commit (the build's master does not wait for its own disk), and
            // standby1 synchronous: only replication decides what the crash loses
            BuildDatabases.control("set", "master", "synchronous_commit = on");
            BuildDatabases.control("sql", "grant pg_read_all_stats to dbchooser"); // to read pg_stat_replication's sync_state
            BuildDatabases.control("set", "master", "synchronous_standby_names = 'standby1'");
            awaitTrue("standby1 a synchronous standby", () -> BuildDatabases.isSynchronousStandby(Servers.masterPort(), "standby1"));
            awaitTrue("a write through the failover deployment", () -> send("POST", failover, "/items/first-" + UUID.randomUUID()).status() == 200);
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicLong promoted = new AtomicLong();
            AtomicLong firstWriteAfterPromotion = new AtomicLong();
            AtomicInteger reads = new AtomicInteger();
            List<String> failedReads = new CopyOnWriteArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(6);
            List<Future<?>> work = new ArrayList<>();
            try {
                for (int w = 0; w < 4; w++) {
                    work.add(clients.submit(() -> {
                        while (running.get()) {
                            String name = "failover-" + UUID.randomUUID();
                            long start = System.nanoTime();
                            if (send("POST", failover, "/items/" + name).status() == 200) {
                                acknowledged.add(name);
                                if (promoted.get() != 0 && start > promoted.get()) {
                                    firstWriteAfterPromotion.compareAndSet(0, System.nanoTime());
                                }
                            } else {
                                Thread.sleep(20); // a 503: the client tries again
                            }
                        }
                        return null;
                    }));
                }
                for (int r = 0; r < 2; r++) {
                    work.add(clients.submit(() -> {
                        while (running.get()) {
                            Answer read = send("GET", failover, "/anything/failover-read");
                            reads.incrementAndGet();
                            if (read.status() != 200) {
                                failedReads.add(read.status() + " " + read.body());
                            }
                        }
                        return null;
                    }));
                }
                Thread.sleep(2_000);
                BuildDatabases.control("crash", "master");
                BuildDatabases.control("promote", "standby1");
                promoted.set(System.nanoTime());
                awaitTrue("a write served by the new primary", () -> firstWriteAfterPromotion.get() != 0);
                Readiness.await(readinessEndpoint(failover), "the promoted server judged no longer a standby",
                        r -> PROMOTED.matcher(r.body()).find());
                Thread.sleep(1_000);
            } finally {
                running.set(false);
                clients.shutdown();
            }
            for (Future<?> client : work) {
                client.get(30, TimeUnit.SECONDS);
            }
            long lost = 0;
            for (String name : acknowledged) {
                lost += BuildDatabases.countItems(Servers.standbyPort(), name) == 1 ? 0 : 1;
            }
            long writesBack = (firstWriteAfterPromotion.get() - promoted.get()) / 1_000_000;
            System.out.printf("%s: promotion under load: %d acknowledged writes, %d lost; writes back %d ms after the promotion;"
                    + " %d reads, %d failed%n", getClass().getSimpleName(), acknowledged.size(), lost, writesBack, reads.get(),
                    failedReads.size());
            assertThat(lost).as("acknowledged writes missing on the new primary, of %d", acknowledged.size()).isZero();
            assertThat(writesBack).as("ms from the promotion to the first write served").isLessThan(5_000);
            assertThat(failedReads).as("failed reads, of %d", reads.get()).isEmpty();
        } finally {
            deployer.undeploy("failover");
            restartTheBuildsServers();
        }
    }

    /** The readiness entry of the first standby once it is the primary. */
    private static final Pattern PROMOTED = Pattern.compile("\"standby slave\"\\s*:\\s*\"PROMOTED\"");

    /** A fresh master and standbys on the same ports, with the role the applications connect as and the schema. */
    private static void restartTheBuildsServers() throws Exception {
        BuildDatabases.control("start", String.valueOf(Servers.masterPort()), String.valueOf(Servers.standbyPort()),
                String.valueOf(BuildDatabases.standby2Port()));
        String role = System.getProperty("reliability.db.user");
        if (role != null) {
            BuildDatabases.control("sql", "create role " + role + " login password '" + System.getProperty("reliability.db.password")
                    + "' in role dbchooser");
        }
        Servers.createSchema();
        Servers.waitForStandby();
        Servers.waitForStandby2();
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    /** Asks CONDITION every 50 ms until it holds, for 10 s at most. */
    private static void awaitTrue(String what, Condition condition) throws Exception {
        long start = System.nanoTime();
        while (!condition.holds()) {
            assertThat(System.nanoTime() - start).as("%s, within 10 s", what).isLessThan(10_000_000_000L);
            Thread.sleep(50);
        }
    }

    @Test
    void aStandbyStoppedAndStartedAgainServesReadsWithinFiveSeconds() throws Exception {
        assertThat(send("GET", fileConfig, "/anything/before").servedBy()).isEqualTo(Servers.standby());
        long resumed;
        try {
            BuildDatabases.control("pause", "standby1");
            for (int i = 0; i < 10; i++) {
                Answer read = send("GET", fileConfig, "/anything/" + i);
                assertThat(read.status()).as("read %d while the standby is down: %s", i, read.body()).isEqualTo(200);
                assertThat(read.servedBy()).as("read %d while the standby is down", i).isEqualTo(Servers.master());
            }
        } finally {
            BuildDatabases.control("resume", "standby1");
            resumed = System.nanoTime();
        }
        // the pools hold connections that died with the standby: only connection validation, as the README sets it up, replaces them;
        // each deployment has a monitor of its own: both must be back, for the tests that come next too
        for (URL deployment : new URL[] {fileConfig, envOnly}) {
            while (!Servers.standby().equals(send("GET", deployment, "/anything/after").servedBy())) {
                assertThat(System.nanoTime() - resumed).as("reads back on the standby within 5 s").isLessThan(5_000_000_000L);
                Thread.sleep(100);
            }
            System.out.printf("%s: reads back on the standby %d ms after it started again (%s)%n", getClass().getSimpleName(),
                    (System.nanoTime() - resumed) / 1_000_000, deployment);
        }
    }

    @Test
    void theMasterStoppedAndStartedAgainTakesWritesWithinFiveSeconds() throws Exception {
        long resumed;
        List<String> refusedNames = new ArrayList<>();
        int logBefore = serverLog().length();
        try {
            BuildDatabases.control("pause", "master");
            // the first write finds the master down itself; the monitor then knows, and the others fail at once
            for (int i = 0; i < 10; i++) {
                String name = "while-down-" + UUID.randomUUID();
                refusedNames.add(name);
                long start = System.nanoTime();
                HttpResponse<String> refused = exchange("POST", fileConfig, "/items/" + name, null);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(refused.statusCode()).as("write %d while the master is down: %s", i, refused.body()).isEqualTo(503);
                assertThat(refused.body()).startsWith("DBCHOOSER-310: ");
                assertThat(refused.headers().firstValue("Retry-After")).as("write %d", i).hasValue("5");
                // the first finds the master down itself, and on a server that has not met a failure yet it also loads
                // the failure's code (481 ms seen on a fresh WildFly); the monitor knows for the others
                assertThat(millis).as("write %d answered in under %d ms", i, i == 0 ? 1_000 : 100).isLessThan(i == 0 ? 1_000 : 100);
                Answer read = send("GET", fileConfig, "/anything/while-down-" + i);
                assertThat(read.status()).as("read %d while the master is down: %s", i, read.body()).isEqualTo(200);
                assertThat(read.servedBy()).as("reads go on, on the standby").isEqualTo(Servers.standby());
            }
        } finally {
            BuildDatabases.control("resume", "master");
            resumed = System.nanoTime();
        }
        for (String name : refusedNames) {
            assertThat(Servers.countOnMaster(name)).as("a refused write left nothing").isZero();
        }
        // a refused write has nothing to read back: no read-your-writes token is asked of the master that is down
        assertThat(serverLogSince(logBefore, fileConfig)).doesNotContain("DBCHOOSER-408");
        // each deployment has a monitor of its own: both must take writes again, for the tests that come next too
        for (URL deployment : new URL[] {fileConfig, envOnly}) {
            String name = "after-restart-" + UUID.randomUUID();
            while (true) {
                Answer write = send("POST", deployment, "/items/" + name);
                if (write.status() == 200) {
                    assertThat(write.body()).isEqualTo(Servers.master());
                    break;
                }
                assertThat(write.status()).as(write.body()).isEqualTo(503);
                assertThat(System.nanoTime() - resumed).as("writes taken again within 5 s").isLessThan(5_000_000_000L);
                Thread.sleep(100);
            }
            System.out.printf("%s: writes taken again %d ms after the master started again (%s)%n", getClass().getSimpleName(),
                    (System.nanoTime() - resumed) / 1_000_000, deployment);
            assertThat(Servers.countOnMaster(name)).isEqualTo(1);
        }
        Servers.waitForStandby(); // replicating again, for the tests that come next
    }

    @Test
    void aForgedReadYourWritesTokenCostsNoMasterReadAndNoWait() throws Exception {
        // file-config runs read-your-writes=lsn: the answer to a write carries the master's WAL position...
        HttpResponse<String> write = exchange("POST", fileConfig, "/items/token-" + UUID.randomUUID(), null);
        assertThat(write.statusCode()).isEqualTo(200);
        assertThat(write.headers().firstValue("X-DbChooser-LSN")).as("the write's token").isPresent();
        // ...and a position the master never reached is ignored: the read neither waits for the slave nor goes to the master
        long nanos = 0;
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            HttpResponse<String> read = exchange("GET", fileConfig, "/anything/forged-" + i, "dbchooser-lsn=7FFFFFFF/0");
            nanos += System.nanoTime() - start;
            assertThat(read.headers().firstValue("X-Served-By")).as("GET %d with a forged token", i)
                    .hasValue(Servers.standby());
        }
        System.out.printf("%s: 20 GETs with the forged token 7FFFFFFF/0 in %d ms%n", getClass().getSimpleName(),
                nanos / 1_000_000);
    }

    @Test
    void aStandbyReplayingBeyondMaxLagServesNoReadsUntilItCatchesUp() throws Exception {
        assertThat(send("GET", timePin, "/anything/before-lag").servedBy()).isEqualTo(Servers.standby());
        long delayed = System.nanoTime();
        long caughtUp;
        try {
            // 3 s late, and the master writes all the time: the standby falls behind the 1 s bound of time-pin
            BuildDatabases.control("set", "standby1", "recovery_min_apply_delay = 3000");
            int write = 0;
            while (!Servers.master().equals(readUnderWrites(timePin, "lag-" + write++))) {
                assertThat(System.nanoTime() - delayed).as("reads leave the late standby within 5 s").isLessThan(5_000_000_000L);
                Thread.sleep(50);
            }
            System.out.printf("%s: reads left the standby %d ms after it began to replay 3 s late%n",
                    getClass().getSimpleName(), (System.nanoTime() - delayed) / 1_000_000);
            for (int i = 0; i < 20; i++) {
                assertThat(readUnderWrites(timePin, "late-" + i)).as("read %d while the standby is 3 s late", i)
                        .isEqualTo(Servers.master());
                // the deployment without a bound reads from the late standby all the same
                assertThat(send("GET", envOnly, "/anything/unbounded-" + i).servedBy()).isEqualTo(Servers.standby());
            }
        } finally {
            BuildDatabases.control("set", "standby1", "recovery_min_apply_delay = 0");
            caughtUp = System.nanoTime();
        }
        while (!Servers.standby().equals(send("GET", timePin, "/anything/after-lag").servedBy())) {
            assertThat(System.nanoTime() - caughtUp).as("reads back on the standby within 5 s of its catching up")
                    .isLessThan(5_000_000_000L);
            Thread.sleep(50);
        }
        System.out.printf("%s: reads back on the standby %d ms after it stopped replaying late%n",
                getClass().getSimpleName(), (System.nanoTime() - caughtUp) / 1_000_000);
        Servers.waitForStandby();
    }

    /** Writes a row through env-only (the master keeps producing WAL), then reads on DEPLOYMENT: who served the read. */
    private String readUnderWrites(URL deployment, String name) throws Exception {
        Answer write = send("POST", envOnly, "/items/" + name);
        assertThat(write.status()).as(write.body()).isEqualTo(200);
        return send("GET", deployment, "/anything/" + name).servedBy();
    }

    @Test
    void readYourWritesWithLsnTokensGivesEveryClientItsWritesWithTheStandby500MsLate() throws Exception {
        everyClientReadsItsWrites(fileConfig, "lsn");
    }

    @Test
    void readYourWritesWithTimePinsGivesEveryClientItsWritesWithTheStandby500MsLate() throws Exception {
        everyClientReadsItsWrites(timePin, "time");
    }

    /** The 1,000 cycles on DEPLOYMENT, whose read-your-writes mode is MODE: not one stale read. */
    private void everyClientReadsItsWrites(URL deployment, String mode) throws Exception {
        ReadYourWritesCycles.Outcome outcome = ReadYourWritesCycles.run(deployment);
        System.out.printf("%s: read-your-writes %s: %s%n", getClass().getSimpleName(), mode, outcome);
        assertThat(outcome.stale()).as("stale reads").isZero();
        assertThat(outcome.cycles()).isEqualTo(1_000);
    }

    @Test
    void theServersHealthEndpointShowsDbChoosersReadinessFollowingTheServers() throws Exception {
        Readiness.followsTheServers(readinessEndpoint(fileConfig));
    }

    @Test
    void dbChoosersMetricsReachTheServersOwnOpenTelemetryExport() throws Exception {
        // one service, the deployment's, counted the GETs
        String counted = otlp.countsTwentyReads(path -> send("GET", fileConfig, path).servedBy());
        System.out.printf("%s: dbchooser's metrics in the server's OpenTelemetry export (service %s), %d exports received%n",
                getClass().getSimpleName(), counted, otlp.exports());
    }

    @Test
    void aBadConfigurationValueStopsTheDeploymentWithTheMessageInTheServerLog() throws Exception {
        int logBefore = serverLog().length();
        assertThatThrownBy(() -> deployer.deploy("bad-config")).isNotNull();
        String log = serverLog().substring(logBefore);
        assertThat(log).contains("DBCHOOSER-101: db_chooser.master holds '(unclosed', which is not a valid regular"
                + " expression: Unclosed group near index 9");
        assertThat(log).contains("DBCHOOSER-103: db_chooser.slave-methods holds 'FETCH', which is not an HTTP method;"
                + " use GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE, TRACE, CONNECT (upper case)");
    }
}
