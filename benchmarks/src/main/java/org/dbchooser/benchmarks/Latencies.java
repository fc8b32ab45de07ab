package org.dbchooser.benchmarks;

import java.util.Arrays;

/** Every latency of a run, in nanoseconds, kept whole so that percentiles are exact. Not thread-safe. */
final class Latencies {

    private long[] values = new long[1 << 16];
    private int count;
    private long total;
    private boolean sorted;

    void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
        total += nanos;
        sorted = false;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.values[i]);
        }
    }

    int count() {
        return count;
    }

    long totalNanos() {
        return total;
    }

    /** The latency that a fraction {@code q} of the calls did not exceed, in microseconds; 0 when there are none. */
    double percentileMicros(double q) {
        if (count == 0) {
            return 0;
        }
        if (!sorted) {
            Arrays.sort(values, 0, count);
            sorted = true;
        }
        int index = (int) Math.ceil(q * count) - 1;
        return values[Math.max(0, Math.min(count - 1, index))] / 1e3;
    }
}
