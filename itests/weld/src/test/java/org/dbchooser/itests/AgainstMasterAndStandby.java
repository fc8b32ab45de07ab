package org.dbchooser.itests;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.dbchooser.Routing;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every Arquillian test here shares: the routed beans deployed in Weld with
 * dbchooser, the test table on the master and the standby, and the beans to call.
 */
@ExtendWith(ArquillianExtension.class)
abstract class AgainstMasterAndStandby {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.routedBeans();
    }

    @BeforeAll
    static void schema() throws Exception {
        Databases.ensureSchema();
    }

    @Inject
    ReadOnlyCalls readOnly;

    @Inject
    MasterCalls master;

    @Inject
    PlainCalls plain;

    @Inject
    Routing routing;

    @Inject
    BeanManager beanManager;
}
