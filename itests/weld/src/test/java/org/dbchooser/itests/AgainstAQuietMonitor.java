package org.dbchooser.itests;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * The routed beans with both standbys behind the slave unit and a monitor that checks
 * once when the application starts, then not for an hour: a server lost afterwards is
 * found only by the work that meets it. One test per class, since that finding lasts.
 */
abstract class AgainstAQuietMonitor extends RoutedBeansTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.quietMonitor();
    }
}
