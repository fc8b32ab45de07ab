package org.dbchooser.impl.replicas;

/**
 * The master's WAL positions of its last checks, with when each was seen. A slave that
 * has replayed position P holds everything the master had written when the master was
 * last seen at or below P: its data is at most that old. Unlike the age of the last
 * replayed transaction, this bound does not jump to hours when an idle master writes
 * WAL that holds no commit (a checkpoint, the running-transactions record the
 * background writer logs every 15 s) a moment before the slave replays it.
 */
final class WalHistory {

    private final long[] positions;
    private final long[] seenAt;
    private int next;
    private int size;

    WalHistory(int capacity) {
        positions = new long[capacity];
        seenAt = new long[capacity];
    }

    synchronized void record(long position, long nanoTime) {
        positions[next] = position;
        seenAt[next] = nanoTime;
        next = (next + 1) % positions.length;
        size = Math.min(size + 1, positions.length);
    }

    /**
     * Nanoseconds since the master was last seen at or below {@code replayed}, or -1
     * when no remembered check saw it there.
     */
    synchronized long nanosSinceAtOrBelow(long replayed, long nanoTime) {
        for (int i = 1; i <= size; i++) {
            int at = Math.floorMod(next - i, positions.length);
            if (positions[at] <= replayed) {
                return Math.max(0, nanoTime - seenAt[at]);
            }
        }
        return -1;
    }
}
