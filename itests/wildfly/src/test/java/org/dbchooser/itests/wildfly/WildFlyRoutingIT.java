package org.dbchooser.itests.wildfly;

import java.net.URI;
import java.net.URL;


import org.dbchooser.itests.server.ServerRoutingTests;

/** Every server routing test on a managed WildFly 39 (started and stopped by Arquillian). */
class WildFlyRoutingIT extends ServerRoutingTests {

    /** WildFly's provider is Hibernate. */
    @Override
    protected String providerQueryType() {
        return "org.hibernate.query.NativeQuery";
    }

    @Override
    protected String providerSessionType() {
        return "org.hibernate.Session";
    }

    /** WildFly's MicroProfile Health, on the management interface, covers every deployment. */
    @Override
    protected URI readinessEndpoint(URL deployment) {
        return URI.create("http://127.0.0.1:" + System.getProperty("wildfly.management.port") + "/health/ready");
    }
}
