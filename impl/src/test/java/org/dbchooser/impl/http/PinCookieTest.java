package org.dbchooser.impl.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A pin cookie pins the client to the master no longer than db_chooser.read-your-writes-pin: cookies are the client's to forge. */
public class PinCookieTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final long PIN = 2_000;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "-", value = {
        "-,                 false",
        "'',                false",
        "garbage,           false",
        "1800000000001,     true",  // set a moment ago: pins for almost the whole pin
        "1800000002000,     true",  // exactly one pin from now
        "1800000002001,     false", // further than one pin: not set by dbchooser
        "9223372036854775807, false", // forever
        "1800000000000,     false", // over now
        "1799999999999,     false",
    })
    void aPinCookieCountsOnlyWithinOnePinFromNow(String cookie, boolean pinned) {
        assertThat(ReadYourWrites.pinned(cookie, NOW, PIN)).isEqualTo(pinned);
    }
}
