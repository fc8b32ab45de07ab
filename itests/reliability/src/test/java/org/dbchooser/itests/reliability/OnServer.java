package org.dbchooser.itests.reliability;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The example application, deployed as built on the managed server of the module that runs the test (WildFly here, Payara Micro in itests/payara), and reached over HTTP from the tests. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class OnServer {

    @Deployment(testable = false)
    static WebArchive catalogue() {
        return Catalogue.war();
    }

    @ArquillianResource
    URL deployment;

    Catalogue app() {
        return new Catalogue(deployment);
    }
}
