package org.dbchooser.examples.catalogue;

/** What the API sends and receives (JSON), kept apart from the entities. */
public final class Views {

    private Views() {
    }

    public record LayerView(Long id, String name, String title) {
    }

    public record PoiView(Long id, Long layer, String name, double lon, double lat) {
    }

    public record ShortUrlView(String code, String url) {
    }

    public record Report(long layers, long pois, String generatedFrom) {
    }
}
