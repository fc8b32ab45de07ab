package org.dbchooser.quarkus.tests;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.dbchooser.Master;

/** Writes on the master, in the caller's JTA transaction. */
@ApplicationScoped
@Master
public class MasterWork {

    @Inject
    ServedBy servedBy;

    /** Persists {@code name} and answers the server that ran the write. */
    public String insert(String name) {
        servedBy.insert(name);
        return servedBy.server();
    }
}
