package org.dbchooser.examples.plaincdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * Closing the application stops dbchooser before its persistence units close: with
 * the replica monitor checking every 10 ms, a check would otherwise often run into a
 * closing unit and report a server down ("EntityManagerFactory is closed"). Nothing of
 * dbchooser runs on afterwards.
 */
class ShutdownIT {

    @Test
    void closingTheApplicationLogsNoFailureAndLeavesNoThread() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger dbchooser = Logger.getLogger("org.dbchooser");
        dbchooser.addHandler(capture);
        System.setProperty("db_chooser.health-interval", "10ms");
        try {
            for (int run = 0; run < 5; run++) {
                try (WeldContainer container = new Weld().initialize()) {
                    assertThat(ConfigProvider.getConfig().getValue("db_chooser.health-interval", String.class))
                            .isEqualTo("10ms");
                    assertThat(container.select(LayerCatalogue.class).get().readServer().standby()).isTrue();
                    Thread.sleep(200); // the monitor checks all along
                }
                assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName))
                        .as("threads after run %d", run).noneMatch(name -> name.startsWith("dbchooser"));
            }
        } finally {
            System.clearProperty("db_chooser.health-interval");
            dbchooser.removeHandler(capture);
        }
        assertThat(records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogRecord::getMessage)).as("warnings from dbchooser").isEmpty();
    }
}
