package org.dbchooser.itests.app;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.dbchooser.Master;

/** Writes on the master; container-managed transaction (REQUIRED). */
@Stateless
@Master
public class MasterEjb {

    @Inject
    ServedBy servedBy;

    public String insert(String name) {
        servedBy.insert(name);
        return servedBy.server();
    }
}
