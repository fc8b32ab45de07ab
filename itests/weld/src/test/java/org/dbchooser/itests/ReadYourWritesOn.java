package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What both read-your-writes modes guarantee a client that reads back at once. */
abstract class ReadYourWritesOn extends ReadYourWritesMeasurement {

    @Test
    void aClientThatReadsBackAtOnceNeverSeesStaleData() throws Exception {
        Outcome outcome = cycles(0);
        // the guarantee; how many reads the slave served depends on the timing, and is reported with the slowest read
        assertThat(outcome.stale()).isZero();
    }
}
