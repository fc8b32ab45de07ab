package org.dbchooser.itests.app;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.dbchooser.ReadOnly;

@Stateless
@ReadOnly
public class ReadOnlyEjb {

    @Inject
    ServedBy servedBy;

    public String server() {
        return servedBy.server();
    }
}
