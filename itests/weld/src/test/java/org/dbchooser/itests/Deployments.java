package org.dbchooser.itests;

import jakarta.enterprise.inject.spi.Extension;

import org.dbchooser.impl.cdi.DbChooserExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.dbchooser.itests.databases.Item;
import org.dbchooser.itests.databases.Server;

/** The test application: the routed beans, with dbchooser as the library it uses. */
final class Deployments {

    private Deployments() {
    }

    /** The same beans, with both standbys behind the slave unit, a fast replica monitor and a lag bound. */
    static JavaArchive resilientBeans() {
        return beans("resilient-beans.jar")
                .addAsManifestResource("resilience/microprofile-config.properties", "microprofile-config.properties");
    }

    /** The same beans, with both standbys behind the slave unit and a monitor that checks once, then not for an hour. */
    static JavaArchive quietMonitor() {
        return beans("quiet-monitor.jar")
                .addAsManifestResource("quiet-monitor/microprofile-config.properties", "microprofile-config.properties");
    }

    /** The same beans, with the first standby behind the test's {@link Gate} and a monitor that checks every 250 ms. */
    static JavaArchive slaveRecheck() {
        return beans("slave-recheck.jar").addClass(Gate.class)
                .addAsManifestResource("slave-recheck/microprofile-config.properties", "microprofile-config.properties");
    }

    /** The same beans, each standby in a unit of its own (db_chooser.slave-unit=standby-a,standby-b), max-lag 500 ms. */
    static JavaArchive eachStandbyOnItsOwn() {
        return beans("two-standbys.jar")
                .addAsManifestResource("two-standbys/microprofile-config.properties", "microprofile-config.properties");
    }

    /** The same beans over two standbys in units of their own, with read-your-writes by WAL tokens. */
    static JavaArchive readYourWritesOverTwoStandbys() {
        return beans("two-standbys-lsn.jar")
                .addAsManifestResource("two-standbys/lsn.properties", "microprofile-config.properties");
    }

    /** The same beans, the master reached through a failover URL (targetServerType=primary), each standby on its own. */
    static JavaArchive failover() {
        return beans("failover.jar")
                .addAsManifestResource("failover/microprofile-config.properties", "microprofile-config.properties");
    }

    /** The same beans with both standbys behind HAProxy (one slave unit), max-lag 500 ms. */
    static JavaArchive behindHAProxy() {
        return beans("behind-haproxy.jar")
                .addAsManifestResource("behind-haproxy/microprofile-config.properties", "microprofile-config.properties");
    }

    /** The same beans with read-your-writes on: {@code mode} is lsn or time. */
    static JavaArchive readYourWrites(String mode) {
        return beans("read-your-writes-" + mode + ".jar")
                .addAsManifestResource("read-your-writes/" + mode + ".properties", "microprofile-config.properties");
    }

    /** The routed beans, deployed in read-only maintenance mode ({@code db_chooser.read-only=true}). */
    static JavaArchive readOnlyAtStart() {
        return beans("read-only-at-start.jar")
                .addAsManifestResource("read-only-at-start/microprofile-config.properties", "microprofile-config.properties");
    }

    /**
     * The routed beans, and an OpenTelemetry whose metrics the test reads, as MicroProfile
     * Telemetry provides one; a configuration that gives every reason and counter a cause.
     */
    static JavaArchive withTelemetry() {
        return beans("metrics.jar").addClass(Telemetry.class)
                .addAsManifestResource("metrics/microprofile-config.properties", "microprofile-config.properties");
    }

    static JavaArchive routedBeans() {
        return beans("routed-beans.jar")
                .addAsManifestResource("request-routing/microprofile-config.properties", "microprofile-config.properties");
    }

    private static JavaArchive beans(String name) {
        return ShrinkWrap.create(JavaArchive.class, name)
                .addClasses(Item.class, Server.class, Databases.class, RoutedCalls.class, ReadOnlyCalls.class,
                        MasterCalls.class, PlainCalls.class, ReadOnlyClassMasterMethod.class,
                        MasterClassReadOnlyMethod.class, ReadOnlyService.class, StereotypedCalls.class,
                        InheritedReadOnlyCalls.class, HttpRequests.class, RequestContextWork.class)
                .addAsServiceProvider(Extension.class, DbChooserExtension.class)
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
    }
}
