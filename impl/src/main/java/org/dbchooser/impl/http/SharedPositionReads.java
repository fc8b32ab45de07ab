package org.dbchooser.impl.http;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Reads of the master's WAL position for read-your-writes tokens, shared by the
 * responses that wait at the same time: one query answers every response that asked
 * before it started. A token must be at least the position of the writes its request
 * committed, so an answer counts only for the responses that asked before the query
 * began; a response that asks while a query runs waits for the next one, which starts
 * as soon as the running one ends and answers all who asked meanwhile (like a group
 * commit). Alone, a response pays one query, as before; under concurrent writes, the
 * master answers one query per round of them instead of one per response.
 */
final class SharedPositionReads {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition answered = lock.newCondition();
    /** Queries started so far; the number of the running one while {@link #running}. */
    private long started;
    /** The number of the last query that ended, and what it gave. */
    private long ended;
    private String position;
    private RuntimeException failure;
    private boolean running;

    /**
     * A position read by a query that started after this call began. The query runs on
     * the caller's thread when none is running; otherwise the caller waits for the next.
     *
     * @throws RuntimeException what the query threw (for every response it answered), or
     *                          {@link IllegalStateException} when the thread is interrupted while waiting
     */
    String read(Supplier<String> query) {
        long mine;
        lock.lock();
        try {
            // a query running now started before this call: only the next one will do
            long needed = started + 1;
            while (ended < needed && running) {
                answered.await();
            }
            if (ended >= needed) {
                return answer();
            }
            running = true;
            mine = ++started;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the master's WAL position", e);
        } finally {
            lock.unlock();
        }
        String read = null;
        RuntimeException failed = null;
        try {
            read = query.get();
        } catch (RuntimeException e) {
            failed = e;
        }
        lock.lock();
        try {
            ended = mine;
            position = read;
            failure = failed;
            running = false;
            answered.signalAll();
            return answer();
        } finally {
            lock.unlock();
        }
    }

    /** How many responses wait for the next query; what the tests wait for before they let a query end. */
    int waiting() {
        lock.lock();
        try {
            return lock.getWaitQueueLength(answered);
        } finally {
            lock.unlock();
        }
    }

    /** The last query's answer; under the lock. */
    private String answer() {
        if (failure != null) {
            throw failure;
        }
        return position;
    }
}
