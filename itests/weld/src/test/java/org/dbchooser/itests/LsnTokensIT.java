package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;

/** db_chooser.read-your-writes=lsn: a read waits for the slave to reach the write (200 ms at most), else the master serves it. */
class LsnTokensIT extends ReadYourWritesOn {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.readYourWrites("lsn");
    }

    @Test
    void aClientThatReadsBackWithinASecondNeverSeesStaleDataAndTheSlaveServesMostReads() throws Exception {
        Outcome outcome = cycles(1000);
        assertThat(outcome.stale()).isZero();
        // reads 300 ms or more after the write find the slave caught up (500 ms late) within the 200 ms wait
        assertThat(outcome.slaveShare()).isGreaterThan(40.0);
    }
}
