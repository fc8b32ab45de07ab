package org.dbchooser.benchmarks;

/** What the client threads ask for: reads only, or 90 % reads and 10 % writes. */
enum Workload {

    READS("reads", 0.0),
    MIX("mix 90/10", 0.1);

    final String label;
    final double writeFraction;

    Workload(String label, double writeFraction) {
        this.label = label;
        this.writeFraction = writeFraction;
    }
}
