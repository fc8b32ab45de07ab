package org.dbchooser.examples.plaincdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

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
    void aLayerAddedOnTheMasterIsReadFromTheStandby() throws InterruptedException {
        String name = "layer-" + UUID.randomUUID();
        catalogue.add(name);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!catalogue.names().contains(name)) {
            assertThat(System.nanoTime()).as("replicated within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
