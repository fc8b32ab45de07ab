package org.dbchooser.impl.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A token must come from a query that started after its response asked: the shared reads
 * never hand a response the answer of a query that was already running, and one query
 * answers all who asked while the previous one ran.
 */
class SharedPositionReadsTest {

    private final SharedPositionReads reads = new SharedPositionReads();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger queries = new AtomicInteger();
    private final CountDownLatch releaseFirst = new CountDownLatch(1);

    @AfterEach
    void stop() {
        releaseFirst.countDown();
        threads.shutdownNow();
    }

    @Test
    void aResponseAloneRunsAQueryOfItsOwn() {
        Supplier<String> query = () -> "0/" + queries.incrementAndGet();

        assertThat(reads.read(query)).isEqualTo("0/1");
        assertThat(reads.read(query)).isEqualTo("0/2");
        assertThat(queries).hasValue(2);
    }

    @Test
    void responsesThatAskWhileAQueryRunsShareTheNextOneAndNeverGetTheRunningOnesAnswer() throws Exception {
        Supplier<String> query = () -> "0/" + queries.incrementAndGet();
        List<Future<String>> responses = twoAskingWhileTheFirstQueryRuns(query);

        releaseFirst.countDown();

        assertThat(responses.get(0).get(5, TimeUnit.SECONDS)).isEqualTo("0/1");
        assertThat(responses.get(1).get(5, TimeUnit.SECONDS)).isEqualTo("0/2");
        assertThat(responses.get(2).get(5, TimeUnit.SECONDS)).isEqualTo("0/2");
        assertThat(queries).hasValue(2);
    }

    @Test
    void aFailedQueryFailsEveryResponseItAnswersAndTheNextResponseAsksAgain() throws Exception {
        Supplier<String> query = () -> {
            int number = queries.incrementAndGet();
            if (number == 2) {
                throw new IllegalStateException("master gone");
            }
            return "0/" + number;
        };
        List<Future<String>> responses = twoAskingWhileTheFirstQueryRuns(query);

        releaseFirst.countDown();

        assertThat(responses.get(0).get(5, TimeUnit.SECONDS)).isEqualTo("0/1");
        for (Future<String> failed : responses.subList(1, 3)) {
            assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("master gone");
        }
        assertThat(reads.read(query)).isEqualTo("0/3");
    }

    @Test
    void aResponseInterruptedWhileWaitingGetsNoTokenAndKeepsItsInterrupt() throws Exception {
        Supplier<String> query = () -> "0/" + queries.incrementAndGet();
        firstQueryHeld(query);
        CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
        Thread waiting = new Thread(() -> {
            try {
                reads.read(query);
                interruptedAfter.completeExceptionally(new AssertionError("got a token"));
            } catch (IllegalStateException expected) {
                interruptedAfter.complete(Thread.currentThread().isInterrupted());
            }
        });
        waiting.start();
        waitUntilWaiting(1);
        waiting.interrupt();

        assertThat(interruptedAfter.get(5, TimeUnit.SECONDS)).isTrue();
    }

    /** A response on a thread of its own whose query ({@code query}'s first) runs until {@link #releaseFirst}. */
    private Future<String> firstQueryHeld(Supplier<String> query) throws InterruptedException {
        CountDownLatch firstRunning = new CountDownLatch(1);
        Future<String> first = threads.submit(() -> reads.read(() -> {
            firstRunning.countDown();
            await(releaseFirst);
            return query.get();
        }));
        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    /** Three responses: the first's query runs until {@link #releaseFirst}, the other two wait for the next. */
    private List<Future<String>> twoAskingWhileTheFirstQueryRuns(Supplier<String> query) throws InterruptedException {
        Future<String> first = firstQueryHeld(query);
        Future<String> second = threads.submit(() -> reads.read(query));
        Future<String> third = threads.submit(() -> reads.read(query));
        waitUntilWaiting(2);
        return List.of(first, second, third);
    }

    /** Until {@code count} threads wait for the next query (parked on the lock's condition). */
    private void waitUntilWaiting(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (reads.waiting() < count) {
            assertThat(System.nanoTime()).as("threads waiting for the next query").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
