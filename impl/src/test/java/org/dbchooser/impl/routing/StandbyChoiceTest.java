package org.dbchooser.impl.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which standby a unit of work reads from. */
class StandbyChoiceTest {

    private final RouteContext context = RouteContext.open();

    @org.junit.jupiter.api.AfterEach
    void close() {
        RouteContext.close();
    }

    @Test
    void unitsOfWorkSpreadOverTheStandbysThatServe() {
        RouteHealth health = new RouteHealth(false, 3);
        health.servingStandbys(new int[] {0, 2});
        Set<Integer> chosen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            chosen.add(health.standbyFor(context));
        }
        assertThat(chosen).containsExactlyInAnyOrder(0, 2);
        assertThat(health.serves(1)).isFalse();
        assertThat(health.slaveServes()).isTrue();
    }

    @Test
    void theStandbyReadYourWritesChoseIsKept() {
        RouteHealth health = new RouteHealth(false, 3);
        context.standby(1);
        for (int i = 0; i < 100; i++) {
            assertThat(health.standbyFor(context)).isEqualTo(1);
        }
    }

    @Test
    void withNoStandbyServingAnyIsChosenAndItsFailureDecides() {
        RouteHealth health = new RouteHealth(true, 2);
        health.servingStandbys(new int[0]);
        assertThat(health.slaveServes()).isFalse();
        Set<Integer> chosen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            chosen.add(health.standbyFor(context));
        }
        assertThat(chosen).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void oneStandbyIsAlwaysTheOne() {
        RouteHealth health = new RouteHealth(false, 1);
        assertThat(health.standbyFor(context)).isZero();
        assertThat(health.standbys()).isEqualTo(1);
    }
}
