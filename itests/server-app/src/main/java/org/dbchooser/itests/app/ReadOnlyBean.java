package org.dbchooser.itests.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.dbchooser.Master;
import org.dbchooser.ReadOnly;

@ApplicationScoped
@ReadOnly
public class ReadOnlyBean {

    @Inject
    ServedBy servedBy;

    public String server() {
        return servedBy.server();
    }

    public String count(String name) {
        return servedBy.count(name);
    }

    @Master
    public String masterServer() {
        return servedBy.server();
    }
}
