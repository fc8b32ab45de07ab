package org.dbchooser.quarkus.tests;

import jakarta.enterprise.context.ApplicationScoped;

import org.dbchooser.Master;
import org.dbchooser.ReadOnly;

import io.quarkus.arc.Unremovable;

/**
 * A bean that names both routes on one method: DBCHOOSER-201 when the application starts.
 * Left out of the tests' application ({@code quarkus.arc.exclude-types}) but for the one
 * that must not start; unremovable, as nothing injects it.
 */
@ApplicationScoped
@Unremovable
public class BothRoutes {

    @ReadOnly
    @Master
    public String undecided() {
        return "never";
    }
}
