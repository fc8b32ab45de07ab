package org.dbchooser.impl.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Read-your-writes tokens are WAL positions as PostgreSQL writes them; anything else is no token. */
class LsnTokenTest {

    @Test
    void walPositionsParseOnlyInPostgresForm() {
        assertThat(ReadYourWrites.Lsn.parse("0/0")).isZero();
        assertThat(ReadYourWrites.Lsn.parse("16/B374D848")).isEqualTo(0x16B374D848L);
        assertThat(ReadYourWrites.Lsn.parse("0/3000148")).isEqualTo(0x3000148L);
        assertThat(ReadYourWrites.Lsn.parse(null)).isEqualTo(-1);
        for (String forged : new String[] {"", "/", "1/", "/1", "-1/0", "+1/0", "1/2/3", "123456789/0", "x/y", "0/0 "}) {
            assertThat(ReadYourWrites.Lsn.parse(forged)).as(forged).isEqualTo(-1);
        }
    }
}
