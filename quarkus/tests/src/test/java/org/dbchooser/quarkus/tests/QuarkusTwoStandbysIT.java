package org.dbchooser.quarkus.tests;

import java.net.URL;
import java.util.Map;

import org.dbchooser.itests.server.TwoStandbys;
import org.dbchooser.quarkus.tests.Http.Answer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Two standbys, each in a unit (and on a data source) of its own, each judged on its own, on Quarkus. */
@QuarkusTest
@TestProfile(QuarkusTwoStandbysIT.TwoStandbyUnits.class)
@WithTestResource(BuildDatabasesResource.class)
class QuarkusTwoStandbysIT {

    public static class TwoStandbyUnits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("db_chooser.slave-unit", "slave,slave2", "db_chooser.health-interval", "200ms");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void readsSpreadOverBothAndOneStoppedCostsNoRead() throws Exception {
        TwoStandbys.readsOnBothAndOneStoppedCostsNoRead(path -> {
            Answer answer = Http.send(base, "GET", path);
            return new TwoStandbys.Served(answer.status(), answer.body(), answer.servedBy());
        });
    }
}
