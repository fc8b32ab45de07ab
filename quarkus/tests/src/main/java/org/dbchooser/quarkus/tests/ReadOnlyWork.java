package org.dbchooser.quarkus.tests;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.dbchooser.Master;
import org.dbchooser.ReadOnly;

/** A bean whose methods read from the slave, but for the one that says {@code @Master}. */
@ApplicationScoped
@ReadOnly
public class ReadOnlyWork {

    @Inject
    ServedBy servedBy;

    public String server() {
        return servedBy.server();
    }

    @Master
    public String masterServer() {
        return servedBy.server();
    }
}
