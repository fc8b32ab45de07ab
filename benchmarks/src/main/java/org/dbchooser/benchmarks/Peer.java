package org.dbchooser.benchmarks;

/** One contender of the comparison: a short key for tables ("a", "b2"), what it is, and how it runs work. */
record Peer(String key, String description, UnitsOfWork units) {

    String label() {
        return "(" + key + ") " + description;
    }
}
