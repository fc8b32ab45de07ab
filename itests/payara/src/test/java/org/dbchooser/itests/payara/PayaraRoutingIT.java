package org.dbchooser.itests.payara;

import java.net.URI;
import java.net.URL;

import org.dbchooser.itests.server.ServerRoutingTests;

/** Every server routing test on Payara Micro, 6 or 7 as the module that runs it says (one managed instance per deployment, started and stopped by Arquillian). */
class PayaraRoutingIT extends ServerRoutingTests {

    /** Payara's provider is EclipseLink. */
    @Override
    protected String providerQueryType() {
        return "org.eclipse.persistence.jpa.JpaQuery";
    }

    @Override
    protected String providerSessionType() {
        return "org.eclipse.persistence.jpa.JpaEntityManager";
    }

    /** Payara Micro's MicroProfile Health, on its HTTP port: each deployment has an instance of its own here. */
    @Override
    protected URI readinessEndpoint(URL deployment) {
        return URI.create("http://" + deployment.getHost() + ":" + deployment.getPort() + "/health/ready");
    }
}
