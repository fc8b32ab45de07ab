package org.dbchooser.itests;

import org.dbchooser.Master;
import org.dbchooser.itests.databases.Server;

@ReadOnlyService
public class StereotypedCalls extends RoutedCalls {

    @Master
    public Server masterMethod() {
        return server();
    }
}
