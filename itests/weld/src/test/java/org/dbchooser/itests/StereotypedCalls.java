package org.dbchooser.itests;

import org.dbchooser.Master;

@ReadOnlyService
public class StereotypedCalls extends RoutedCalls {

    @Master
    public Server masterMethod() {
        return server();
    }
}
