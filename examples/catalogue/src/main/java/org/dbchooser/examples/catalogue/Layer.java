package org.dbchooser.examples.catalogue;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A map layer. */
@Entity
public class Layer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;

    String title;

    protected Layer() {
    }

    Layer(String name, String title) {
        this.name = name;
        this.title = title;
    }
}
