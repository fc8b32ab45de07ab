package org.dbchooser.itests;

import jakarta.enterprise.context.ApplicationScoped;

import org.dbchooser.ReadOnly;

@ReadOnly
@ApplicationScoped
public class ReadOnlyCalls extends RoutedCalls {
}
