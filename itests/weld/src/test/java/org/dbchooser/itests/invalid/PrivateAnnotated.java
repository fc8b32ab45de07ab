package org.dbchooser.itests.invalid;

import jakarta.enterprise.context.ApplicationScoped;

import org.dbchooser.ReadOnly;

@ApplicationScoped
public class PrivateAnnotated {

    public void find() {
        hidden();
    }

    @ReadOnly
    private void hidden() {
    }
}
