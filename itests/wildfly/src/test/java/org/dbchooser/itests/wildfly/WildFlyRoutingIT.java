package org.dbchooser.itests.wildfly;

import org.dbchooser.itests.server.ServerRoutingTests;

/** Every server routing test on a managed WildFly 39 (started and stopped by Arquillian). */
class WildFlyRoutingIT extends ServerRoutingTests {
}
