package org.dbchooser.itests.payara;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dbchooser.itests.server.ServerRoutingTests;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;

/**
 * The Payara Micro managed adapter, one instance of it per deployment.
 *
 * <p>The adapter (arquillian-payara-micro-managed 3.1) starts a new Payara Micro process
 * ({@code java -jar payara-micro.jar --deploy the.war}) for every deployment, but keeps only
 * the last one: with the two deployments the tests hold at once, the first process is never
 * stopped and outlives the build. It also reports a deployment that Payara Micro refused as
 * deployed (Payara Micro keeps running with nothing deployed, and the adapter reads the empty
 * list as success), so Arquillian's {@code Deployer.deploy} would not fail. This container gives
 * every deployment its own adapter, so that undeploying it stops its own process; it waits until
 * that process has ended; and it fails a deployment after which Payara Micro lists no
 * application, stopping that process too.
 *
 * <p>Payara Micro logs to its standard output, which the adapter reads and prints on the test
 * JVM's standard output ({@code outputToConsole}). From {@link #start()} to {@link #stop()} that
 * standard output is also written to the file named by the system property {@code server.log}
 * (emptied first): the log of every Payara Micro instance of the run, in the order the adapter
 * read it, which the tests read as the server log. (Payara Micro's own {@code --logtofile} cannot
 * serve: each instance locks its file, so a second instance writes to another one.)
 */
public class PayaraMicroPerDeployment implements DeployableContainer<PayaraMicroContainerConfiguration> {

    private static final long STOP_TIMEOUT_SECONDS = 60;

    private PayaraMicroContainerConfiguration configuration;

    private final Map<String, Instance> instances = new LinkedHashMap<>();

    private PrintStream consoleBefore;

    private OutputStream serverLog;

    /** A deployment's own adapter and the Payara Micro process it started. */
    private record Instance(PayaraMicroDeployableContainer adapter, Archive<?> archive, List<ProcessHandle> processes) {
    }

    @Override
    public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
        return PayaraMicroContainerConfiguration.class;
    }

    @Override
    public void setup(PayaraMicroContainerConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Servlet 5.0");
    }

    @Override
    public void start() throws LifecycleException {
        String logFile = System.getProperty("server.log");
        if (logFile == null) {
            throw new LifecycleException("system property server.log (the file that receives Payara Micro's log) is not set");
        }
        try {
            Path path = Path.of(logFile);
            Files.createDirectories(path.toAbsolutePath().getParent());
            serverLog = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new LifecycleException("cannot open " + logFile, e);
        }
        consoleBefore = System.out;
        PrintStream console = consoleBefore;
        OutputStream log = serverLog;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                console.write(b);
                log.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                console.write(bytes, offset, length);
                log.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                console.flush();
                log.flush();
            }
        }, true, Charset.defaultCharset()));
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        PayaraMicroDeployableContainer adapter = new PayaraMicroDeployableContainer();
        adapter.setup(configuration);
        Set<Long> before = children().map(ProcessHandle::pid).collect(Collectors.toSet());
        ProtocolMetaData metaData = null;
        try {
            metaData = adapter.deploy(archive);
        } finally {
            // deployments run one after the other: what the test JVM started meanwhile is this one's Payara Micro
            Instance instance = new Instance(adapter, archive, children().filter(p -> !before.contains(p.pid())).toList());
            if (deployed(metaData, archive)) {
                instances.put(archive.getName(), instance);
            } else {
                stop(instance); // refused, or the adapter failed or gave up waiting: stop what it started
            }
        }
        if (!instances.containsKey(archive.getName())) {
            throw new DeploymentException("Payara Micro did not deploy " + archive.getName()
                    + ": it reported no deployed application; its log says why");
        }
        // each instance listens on a port of its own: a test that deploys by hand finds its application here
        HTTPContext context = metaData.getContexts(HTTPContext.class).iterator().next();
        System.setProperty(ServerRoutingTests.DEPLOYMENT_URL + archive.getName(), "http://" + context.getHost() + ":"
                + context.getPort() + "/" + archive.getName().replaceFirst("\\.war$", "") + "/");
        return metaData;
    }

    /**
     * Payara Micro lists the servlets of each application it deployed (the adapter asks for them
     * with --showServletMappings); one that it refused is not listed. The adapter sometimes reads
     * that list before Payara Micro has printed it all; then the application's context root
     * decides: a refused application has none, and Payara Micro answers 404 for it.
     */
    private static boolean deployed(ProtocolMetaData metaData, Archive<?> archive) {
        if (metaData == null) {
            return false;
        }
        List<HTTPContext> contexts = metaData.getContexts(HTTPContext.class).stream().toList();
        if (contexts.stream().anyMatch(context -> !context.getServlets().isEmpty())) {
            return true;
        }
        return contexts.stream().anyMatch(context -> answers(context, archive.getName().replaceFirst("\\.war$", "")));
    }

    private static boolean answers(HTTPContext context, String contextRoot) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://" + context.getHost() + ":"
                    + context.getPort() + "/" + contextRoot + "/").toURL().openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(5_000);
            try {
                return connection.getResponseCode() != HttpURLConnection.HTTP_NOT_FOUND;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        Instance instance = instances.remove(archive.getName());
        if (instance != null) {
            stop(instance);
        }
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            for (Instance instance : List.copyOf(instances.values())) {
                instances.remove(instance.archive().getName());
                stop(instance);
            }
        } catch (DeploymentException e) {
            throw new LifecycleException("stopping Payara Micro failed", e);
        } finally {
            if (consoleBefore != null) {
                System.setOut(consoleBefore);
                consoleBefore = null;
            }
            if (serverLog != null) {
                try {
                    serverLog.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    serverLog = null;
                }
            }
        }
    }

    /** Stops the process through its adapter and waits until it has ended (killing it after a minute). */
    private static void stop(Instance instance) throws DeploymentException {
        try {
            if (!instance.processes().isEmpty()) { // the adapter cannot stop a process it did not start
                instance.adapter().undeploy(instance.archive());
            }
        } finally {
            for (ProcessHandle process : instance.processes()) {
                process.destroy(); // already done by the adapter, unless it failed before
                try {
                    process.onExit().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    process.destroyForcibly();
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static Stream<ProcessHandle> children() {
        return ProcessHandle.current().children();
    }
}
