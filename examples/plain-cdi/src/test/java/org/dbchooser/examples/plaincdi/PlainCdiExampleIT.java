package org.dbchooser.examples.plaincdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.dbchooser.itests.databases.BuildDatabases;
import org.dbchooser.itests.databases.StatementLog;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example as its users run it: Weld SE with discovery, dbchooser found on the
 * class path, nothing configured but persistence.xml. The servers say who served.
 */
class PlainCdiExampleIT {

    static WeldContainer container;
    static LayerCatalogue catalogue;

    @BeforeAll
    static void start() {
        container = new Weld().initialize();
        catalogue = container.select(LayerCatalogue.class).get();
        catalogue.createTable();
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    @Test
    void readsGoToTheStandby() {
        ServedBy server = catalogue.readServer();
        assertThat(server.standby()).isTrue();
        assertThat(server.port()).isEqualTo(Integer.getInteger("pg.standby.port"));
    }

    @Test
    void writesGoToTheMaster() {
        ServedBy server = catalogue.writeServer();
        assertThat(server.standby()).isFalse();
        assertThat(server.port()).isEqualTo(Integer.getInteger("pg.master.port"));
    }

    @Test
    void aLayerAddedOnTheMasterIsReadFromTheStandby() throws Exception {
        String name = "layer-" + UUID.randomUUID();
        catalogue.add(name);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!catalogue.names().contains(name)) {
            assertThat(System.nanoTime()).as("replicated within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        // the read that found it ran on the standby, as the standby's own log says
        AtomicReference<List<String>> names = new AtomicReference<>();
        List<String> onStandby = statementsOn("standby1", Integer.getInteger("pg.standby.port"), () -> names.set(catalogue.names()));
        List<String> onMaster = statementsOn("master", Integer.getInteger("pg.master.port"), () -> catalogue.names());
        assertThat(names.get()).contains(name);
        assertThat(onStandby).as("the standby's log").anyMatch(sql -> sql.contains("from layer"));
        assertThat(onMaster).as("the master's log").noneMatch(sql -> sql.contains("from layer"));
    }

    /** The SQL SERVER ran while WORK ran, from its own log. */
    private static List<String> statementsOn(String server, int port, StatementLog.Work work) throws Exception {
        try (Connection connection = BuildDatabases.connect(port)) {
            return StatementLog.during(server, connection, work).stream()
                    .map(StatementLog.Entry::sql).filter(Objects::nonNull).toList();
        }
    }
}
