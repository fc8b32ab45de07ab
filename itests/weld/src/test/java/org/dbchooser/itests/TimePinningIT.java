package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.dbchooser.itests.databases.Server;

/** db_chooser.read-your-writes=time, pin 2 s: after a write, the client reads from the master for 2 s. */
class TimePinningIT extends ReadYourWritesOn {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.readYourWrites("time");
    }

    @Test
    void aClientThatReadsBackWithinASecondNeverSeesStaleDataAndTheMasterServesEveryRead() throws Exception {
        Outcome outcome = cycles(1000);
        assertThat(outcome.stale()).isZero();
        assertThat(outcome.servedBySlave()).as("every read is within the 2 s pin").isZero();
    }

    @Test
    void aPinCookieThatPinsLongerThanThePinIsIgnored() throws Exception {
        HttpRequests http = new HttpRequests(beanManager);
        HttpRequests.Client forged = new HttpRequests.Client();
        forged.cookies.put("dbchooser-pin", Long.toString(Long.MAX_VALUE));
        for (int i = 0; i < 20; i++) {
            Server server = requestContext.call(() -> http.serve(forged, "GET", "/items", plain::server));
            assertThat(server.isStandby()).as("GET %d with a pin until the end of time", i).isTrue();
        }
    }
}
