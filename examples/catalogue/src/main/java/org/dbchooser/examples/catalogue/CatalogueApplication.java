package org.dbchooser.examples.catalogue;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("/api")
public class CatalogueApplication extends Application {
}
