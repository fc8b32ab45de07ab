package org.dbchooser.itests.wildfly;

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
}
