package org.dbchooser.examples.plaincdi;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** Starts CDI, writes a layer on the master, reads the catalogue from the slave, and says who served what. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        try (WeldContainer container = new Weld().initialize()) {
            LayerCatalogue catalogue = container.select(LayerCatalogue.class).get();
            catalogue.createTable();
            String name = args.length > 0 ? args[0] : "OpenStreetMap";
            long id = catalogue.add(name);
            System.out.println("add(\"" + name + "\") -> id " + id + ", written by the " + catalogue.writeServer());
            System.out.println("names() -> " + catalogue.names() + ", read from the " + catalogue.readServer()
                    + " (a replica may lag a little behind the master)");
        }
    }
}
