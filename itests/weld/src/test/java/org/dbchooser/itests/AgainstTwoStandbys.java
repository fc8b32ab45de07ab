package org.dbchooser.itests;

import jakarta.inject.Inject;

import org.dbchooser.Maintenance;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * The routed beans with both standbys behind the slave unit, a replica monitor that
 * checks every 100 ms and db_chooser.max-lag=500ms. The tests stop and start servers,
 * inside {@link #stoppingServers}, which leaves them all running.
 */
abstract class AgainstTwoStandbys extends RoutedBeansTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.resilientBeans();
    }

    @Inject
    Maintenance maintenance;

    /**
     * Runs {@code test}, then starts every server it stopped, whatever happened. (A
     * JUnit {@code @AfterEach} would be the place, but Arquillian's JUnit 5 support
     * does not run it for an embedded container.)
     */
    static void stoppingServers(Databases.Work test) throws Exception {
        try {
            test.run();
        } finally {
            for (String server : new String[] {"master", "standby1", "standby2"}) {
                Databases.control("resume", server);
            }
            Databases.waitForStandby(); // replicating again, for the tests that come next
            Databases.waitForStandby(Databases.standby2Port());
        }
    }
}
