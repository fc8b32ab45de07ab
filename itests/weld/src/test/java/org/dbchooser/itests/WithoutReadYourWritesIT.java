package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;

/** The control: the same cycles with read-your-writes off read from a standby that does not have the write yet. */
class WithoutReadYourWritesIT extends ReadYourWritesMeasurement {

    @Deployment
    static JavaArchive deployment() {
        return Deployments.routedBeans();
    }

    @Test
    void aClientThatReadsBackAtOnceMissesItsOwnWrites() throws Exception {
        Outcome outcome = cycles(0);
        assertThat(outcome.servedBySlave()).isEqualTo(outcome.cycles());
        assertThat(outcome.stale()).as("reads that missed their own write").isGreaterThan(outcome.cycles() * 9 / 10);
    }
}
