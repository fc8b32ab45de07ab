package org.dbchooser.impl.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which units are JTA, decided as the container decides it: the default differs on a server. */
public class PersistenceUnitsTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "type {0}, data source {1}: on a server {2}, elsewhere {3}")
    @CsvSource(nullValues = "-", value = {
        "JTA,            -,       true,  true",
        "RESOURCE_LOCAL, -,       false, false",
        "RESOURCE_LOCAL, non-jta, false, false",
        "-,              jta,     true,  true",
        "-,              non-jta, true,  false",
        // neither a type nor a data source: on a server, the default data source in a JTA unit
        "-,              -,       true,  false",
    })
    void aUnitIsJtaWhenItSaysSoOrWhenItSaysNothingOnAServer(String type, String dataSource, boolean onServer,
            boolean elsewhere) throws Exception {
        ClassLoader loader = withPersistenceXml("<persistence-unit name=\"master\""
                + (type == null ? "" : " transaction-type=\"" + type + "\"") + ">"
                + (dataSource == null ? "" : "<" + dataSource + "-data-source>jdbc/x</" + dataSource + "-data-source>")
                + "</persistence-unit>");
        assertThat(PersistenceUnits.declared(loader, true)).isEqualTo(Map.of("master", onServer));
        assertThat(PersistenceUnits.declared(loader, false)).isEqualTo(Map.of("master", elsewhere));
    }

    @Test
    void aJvmWithoutANamingServiceIsNoApplicationServer() {
        assertThat(PersistenceUnits.onApplicationServer()).isFalse();
    }

    private ClassLoader withPersistenceXml(String units) throws Exception {
        Path file = folder.resolve("META-INF/persistence.xml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<persistence xmlns=\"https://jakarta.ee/xml/ns/persistence\" version=\"3.0\">" + units
                + "</persistence>");
        return new URLClassLoader(new URL[] {folder.toUri().toURL()}, null);
    }
}
