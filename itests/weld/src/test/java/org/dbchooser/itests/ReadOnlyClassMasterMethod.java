package org.dbchooser.itests;

import jakarta.enterprise.context.ApplicationScoped;

import org.dbchooser.Master;
import org.dbchooser.ReadOnly;
import org.dbchooser.itests.databases.Server;

@ReadOnly
@ApplicationScoped
public class ReadOnlyClassMasterMethod extends RoutedCalls {

    @Master
    public Server masterMethod() {
        return server();
    }
}
