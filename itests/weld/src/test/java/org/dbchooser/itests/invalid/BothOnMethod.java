package org.dbchooser.itests.invalid;

import jakarta.enterprise.context.ApplicationScoped;

import org.dbchooser.Master;
import org.dbchooser.ReadOnly;

@ApplicationScoped
public class BothOnMethod {

    @ReadOnly
    @Master
    public void find() {
    }
}
