package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What both read-your-writes modes guarantee a client that reads back at once. */
abstract class ReadYourWritesOn extends ReadYourWritesMeasurement {

    @Test
    void aClientThatReadsBackAtOnceNeverSeesStaleData() throws Exception {
        Outcome outcome = cycles(0);
        assertThat(outcome.stale()).isZero();
        // 500 ms behind, the slave cannot have the write yet: the token waits 200 ms at most, the pin lasts 2 s
        assertThat(outcome.servedBySlave()).isZero();
    }
}
