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
import java.util.UUID;

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
 * <p>Two deployments of the same WAR: {@code file-config} carries
 * {@code db_chooser.master=GET /items/short/.*} in its microprofile-config.properties;
 * {@code env-only} has no such file. The server's environment gives both
 * {@code DB_CHOOSER_SLAVE='\w+ /printproxy/.*'}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ServerRoutingTests {

    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static WebArchive app(String name) {
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

    @Deployment(name = "bad-config", testable = false, managed = false)
    static WebArchive badConfig() {
        WebArchive war = app("bad-config");
        war.delete(CONFIG);
        return war.add(new StringAsset("db_chooser.master=(unclosed\ndb_chooser.slave-methods=GET,FETCH\n"), CONFIG);
    }

    @BeforeAll
    static void schema() throws Exception {
        Servers.createSchema();
    }

    @ArquillianResource
    @OperateOnDeployment("file-config")
    URL fileConfig;

    @ArquillianResource
    @OperateOnDeployment("env-only")
    URL envOnly;

    @ArquillianResource
    Deployer deployer;

    record Answer(int status, String body, String servedBy) {
    }

    static Answer send(String method, URL base, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("X-Served-By").orElse(null));
    }

    /** The server's log as it is now; a test compares it with the log after its requests. */
    static String serverLog() throws IOException {
        return Files.readString(Path.of(System.getProperty("server.log")), StandardCharsets.UTF_8);
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
        String logDuringRequest = serverLog().substring(logBefore);
        assertThat(logDuringRequest).doesNotContain("WARN").doesNotContain("ERROR");
    }

    @Test
    void aRollbackLeavesNothingOnEitherServer() throws Exception {
        String name = "rollback-" + UUID.randomUUID();
        Answer answer = send("POST", fileConfig, "/items/rollback/" + name);
        assertThat(answer.status()).isEqualTo(500);
        assertThat(Servers.countOnMaster(name)).isZero();
        assertThat(Servers.countOnStandby(name)).isZero();
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
