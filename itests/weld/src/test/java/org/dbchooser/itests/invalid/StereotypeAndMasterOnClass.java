package org.dbchooser.itests.invalid;

import org.dbchooser.Master;
import org.dbchooser.itests.ReadOnlyService;

/** @ReadOnly through the stereotype, @Master directly. */
@ReadOnlyService
@Master
public class StereotypeAndMasterOnClass {

    public void find() {
    }
}
