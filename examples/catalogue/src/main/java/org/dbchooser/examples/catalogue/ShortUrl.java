package org.dbchooser.examples.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A shortened link to a map view, as GeoMapFish's URL shortener keeps them. */
@Entity
public class ShortUrl {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(unique = true, nullable = false)
    String code;

    @Column(nullable = false, length = 2000)
    String url;

    protected ShortUrl() {
    }

    ShortUrl(String code, String url) {
        this.code = code;
        this.url = url;
    }
}
