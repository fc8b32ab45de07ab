package org.dbchooser.examples.catalogue;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A point of interest on a layer. */
@Entity
public class Poi {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(optional = false)
    Layer layer;

    String name;

    double lon;

    double lat;

    protected Poi() {
    }

    Poi(Layer layer, String name, double lon, double lat) {
        this.layer = layer;
        this.name = name;
        this.lon = lon;
        this.lat = lat;
    }
}
