package org.dbchooser.itests;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

/** Inherits @ReadOnly from {@link ReadOnlyCalls} (the binding is @Inherited). */
@ApplicationScoped
@Typed(InheritedReadOnlyCalls.class)
public class InheritedReadOnlyCalls extends ReadOnlyCalls {
}
