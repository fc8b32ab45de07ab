package org.dbchooser.itests;

import jakarta.enterprise.context.ApplicationScoped;

import org.dbchooser.Master;
import org.dbchooser.ReadOnly;
import org.dbchooser.itests.databases.Server;

@Master
@ApplicationScoped
public class MasterClassReadOnlyMethod extends RoutedCalls {

    @ReadOnly
    public Server readOnlyMethod() {
        return server();
    }
}
