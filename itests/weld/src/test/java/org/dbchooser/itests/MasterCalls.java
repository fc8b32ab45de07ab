package org.dbchooser.itests;

import jakarta.enterprise.context.ApplicationScoped;

import org.dbchooser.Master;

@Master
@ApplicationScoped
public class MasterCalls extends RoutedCalls {
}
