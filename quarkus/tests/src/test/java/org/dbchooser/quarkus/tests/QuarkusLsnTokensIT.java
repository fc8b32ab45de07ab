package org.dbchooser.quarkus.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dbchooser.quarkus.tests.Http.standby;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import org.dbchooser.itests.server.ReadYourWritesCycles;
import org.dbchooser.quarkus.tests.Http.Answer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Read-your-writes with WAL-position tokens, on Quarkus ({@code db_chooser.read-your-writes=lsn}). */
@QuarkusTest
@TestProfile(QuarkusLsnTokensIT.LsnTokens.class)
@WithTestResource(BuildDatabasesResource.class)
class QuarkusLsnTokensIT {

    public static class LsnTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("db_chooser.read-your-writes", "lsn");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void aWritesAnswerCarriesItsTokenAndAReadsDoesNot() throws Exception {
        Answer write = Http.send(base, "POST", "/items/" + UUID.randomUUID());
        assertThat(write.status()).as(write.body()).isEqualTo(200);
        assertThat(write.lsn()).matches("[0-9A-F]+/[0-9A-F]+");
        assertThat(Http.send(base, "GET", "/anything/read").lsn()).isNull();
        // a write that failed has nothing to read back
        Answer failed = Http.send(base, "POST", "/items/rollback/" + UUID.randomUUID());
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.lsn()).isNull();
    }

    @Test
    void aForgedTokenCostsNoMasterReadAndNoWait() throws Exception {
        for (int i = 0; i < 20; i++) {
            Answer read = Http.send(base, "GET", "/anything/forged-" + i, Map.of("X-DbChooser-LSN", "7FFFFFFF/0"));
            assertThat(read.servedBy()).as("read %d with a forged token", i).isEqualTo(standby());
        }
    }

    @Test
    void readYourWritesWithLsnTokensGivesEveryClientItsWritesWithTheStandby500MsLate() throws Exception {
        ReadYourWritesCycles.Outcome outcome = ReadYourWritesCycles.run(base);
        System.out.printf("Quarkus: read-your-writes lsn: %s%n", outcome);
        assertThat(outcome.stale()).as("stale reads").isZero();
        assertThat(outcome.cycles()).isEqualTo(1_000);
    }
}
