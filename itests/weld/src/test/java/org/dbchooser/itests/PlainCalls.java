package org.dbchooser.itests;

import jakarta.enterprise.context.ApplicationScoped;

/** No annotation: the route comes from the caller, the request, or the default. */
@ApplicationScoped
public class PlainCalls extends RoutedCalls {
}
