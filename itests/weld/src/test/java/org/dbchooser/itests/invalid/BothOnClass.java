package org.dbchooser.itests.invalid;

import jakarta.enterprise.context.ApplicationScoped;

import org.dbchooser.Master;
import org.dbchooser.ReadOnly;

@ReadOnly
@Master
@ApplicationScoped
public class BothOnClass {

    public void find() {
    }
}
