package org.dbchooser.itests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example deployed, loaded and undeployed 20 times on one WildFly: afterwards no
 * thread of dbchooser's is alive and no class loader of an undeployed copy survives
 * full garbage collections, as the JVM itself reports (jcmd). A pooled server thread
 * that kept a thread-local of an application, or a thread of its own that outlived
 * it, would keep that copy's class loader and every class it loaded.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeployIT {

    private static final int DEPLOYMENTS = 20;

    @Deployment(name = "redeployed", managed = false, testable = false)
    static WebArchive redeployed() {
        return ShrinkWrap.create(WebArchive.class, "redeployed.war").merge(Catalogue.war());
    }

    /**
     * A page without dbchooser, deployed throughout: a JSP (a servlet, so it runs on a
     * worker thread) that takes 200 ms. A worker thread of the server keeps the task it
     * was created for in its stack frame for as long as it lives (the heap dump shows the
     * path: a Java frame, the task, the HTTP exchange, the undeployed application's
     * servlet handler), so a thread that the pool started to serve a request of a copy
     * keeps that copy. Slow requests here, more at once than the server has worker
     * threads, start the whole pool before the deployments: what stays after them is
     * then what an application left behind, not what the server's pool keeps.
     */
    @Deployment(name = "anchor", testable = false)
    static WebArchive anchor() {
        return ShrinkWrap.create(WebArchive.class, "anchor.war").add(new StringAsset("<% Thread.sleep(200); %>anchor"), "index.jsp");
    }

    @ArquillianResource
    @OperateOnDeployment("anchor")
    URL anchor;

    @ArquillianResource
    Deployer deployer;

    /**
     * What the JVM of the server holds of dbchooser after full collections, and the
     * server's worker threads (each may hold the copy it was created to serve).
     */
    record Census(int loadersOfDbChooser, long liveDbChooserObjects, int dbChooserThreads, Set<String> workerThreads) {
    }

    @Test
    void twentyRedeploymentsLeaveNoThreadAndNoClassLoaderBehind() throws Exception {
        long server = serverPid();
        startEveryWorkerThread();
        Census before = census(server);
        Catalogue app = new Catalogue(new URL("http://127.0.0.1:" + System.getProperty("wildfly.http.port") + "/redeployed/"));
        for (int i = 0; i < DEPLOYMENTS; i++) {
            deployer.deploy("redeployed");
            try {
                load(app, i);
            } finally {
                deployer.undeploy("redeployed");
            }
        }
        // a copy may stay referenced a moment longer (the server's last request on a kept-alive
        // connection, say): the census is taken again, a few seconds apart, before it counts
        Census after = census(server);
        for (int again = 0; again < 3 && leftBehind(before, after) > 0; again++) {
            Thread.sleep(5_000);
            after = census(server);
        }
        System.out.printf("%d deployments of the example, loaded and undeployed; after full GCs: before %s, after %s%n",
                DEPLOYMENTS, before, after);
        assertThat(after.dbChooserThreads()).as("threads named dbchooser").isZero();
        // the pool may still start a worker thread during the deployments (one ended since the
        // warm-up): that thread holds the copy it was started for, the server's doing, not ours
        Set<String> startedMeanwhile = new TreeSet<>(after.workerThreads());
        startedMeanwhile.removeAll(before.workerThreads());
        System.out.printf("worker threads started during the deployments: %s%n", startedMeanwhile);
        assertThat(leftBehind(before, after) - startedMeanwhile.size())
                .as("class loaders holding dbchooser's classes, beyond those of worker threads started meanwhile,"
                        + " after %d deployments (at most one may still be held by the server a while)", DEPLOYMENTS)
                .isLessThanOrEqualTo(1);
    }

    private static int leftBehind(Census before, Census after) {
        return after.loadersOfDbChooser() - before.loadersOfDbChooser();
    }

    /** Reads on the slave and writes on the master, from several clients at once (several threads of the server's pool). */
    private static void load(Catalogue app, int round) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                String name = "redeploy-" + round + "-" + c + "-";
                running.add(clients.submit(() -> {
                    for (int r = 0; r < 10; r++) {
                        assertThat(app.send("POST", "layers", Catalogue.layer(name + r)).status()).isEqualTo(201);
                        assertThat(app.send("GET", "layers", null).status()).isEqualTo(200);
                        assertThat(Catalogue.servedBy(app.send("POST", "printproxy/report", null))).isEqualTo("slave");
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(2, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** 64 clients at once, each asking the anchor page 5 times: more at once than the server's worker threads. */
    private void startEveryWorkerThread() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest page = HttpRequest.newBuilder(anchor.toURI().resolve("index.jsp")).build();
        ExecutorService clients = Executors.newFixedThreadPool(64);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 64; c++) {
                running.add(clients.submit(() -> {
                    for (int r = 0; r < 5; r++) {
                        assertThat(http.send(page, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(2, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** The managed WildFly of this module: the JVM running jboss-modules from its folder. */
    private static long serverPid() {
        String home = Path.of(System.getProperty("wildfly.home")).toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules.jar") && c.contains(home)).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no WildFly running from " + home)).pid();
    }

    private static Census census(long pid) throws IOException, InterruptedException {
        for (int i = 0; i < 3; i++) {
            jcmd(pid, "GC.run");
            Thread.sleep(500);
        }
        String loaders = jcmd(pid, "VM.classloaders", "show-classes");
        String histogram = jcmd(pid, "GC.class_histogram");
        String threads = jcmd(pid, "Thread.print");
        long objects = 0;
        Matcher line = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+(org\\.dbchooser\\.\\S+).*$").matcher(histogram);
        StringBuilder classes = new StringBuilder();
        while (line.find()) {
            objects += Long.parseLong(line.group(1));
            classes.append(line.group(2)).append('=').append(line.group(1)).append(' ');
        }
        System.out.println("live objects of dbchooser's classes: " + classes);
        Set<String> workers = new TreeSet<>();
        Matcher worker = Pattern.compile("(?m)^\"(default task-\\d+)\"").matcher(threads);
        while (worker.find()) {
            workers.add(worker.group(1));
        }
        return new Census(count(loaders, "org.dbchooser.impl.http.RouteFilter"), objects,
                count(threads, "\"dbchooser"), workers);
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }

    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
        List<String> arguments = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        arguments.addAll(List.of(command));
        Process process = new ProcessBuilder(arguments).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", arguments) + " failed: " + output);
        }
        return output;
    }
}
