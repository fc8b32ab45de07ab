package org.dbchooser.itests;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.dbchooser.Routing;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every Arquillian test here shares: the test table on the master and the
 * standbys, and the routed beans to call. Subclasses choose the deployment.
 */
@ExtendWith(ArquillianExtension.class)
abstract class RoutedBeansTest {

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
