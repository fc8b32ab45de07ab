package org.dbchooser.itests;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** The routed beans with the default units (one standby) and the request tests' patterns. */
abstract class AgainstMasterAndStandby extends RoutedBeansTest {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.routedBeans();
    }
}
