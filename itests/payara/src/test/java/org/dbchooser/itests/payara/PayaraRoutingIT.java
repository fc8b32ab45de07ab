package org.dbchooser.itests.payara;

import org.dbchooser.itests.server.ServerRoutingTests;

/** Every server routing test on Payara Micro 6 (one managed instance per deployment, started and stopped by Arquillian). */
class PayaraRoutingIT extends ServerRoutingTests {
}
