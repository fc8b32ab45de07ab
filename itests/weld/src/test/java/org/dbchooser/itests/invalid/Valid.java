package org.dbchooser.itests.invalid;

import jakarta.enterprise.context.ApplicationScoped;

import org.dbchooser.ReadOnly;

/** A correct bean, for deployments whose only fault is their configuration. */
@ReadOnly
@ApplicationScoped
public class Valid {

    public void find() {
    }
}
