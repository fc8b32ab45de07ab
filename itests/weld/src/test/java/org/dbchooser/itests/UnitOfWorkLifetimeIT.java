package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;


import jakarta.inject.Inject;

import org.dbchooser.itests.databases.Item;
import org.junit.jupiter.api.Test;

/**
 * How long the persistence contexts of a unit of work live (README, "In plain CDI"): as
 * long as its request context. Where a request context is active, entities read in a
 * {@code @ReadOnly} call stay managed for the rest of it; where the outermost call
 * started the request context itself, they live as long as that call, and a
 * transaction it left open is rolled back when it ends.
 */
class UnitOfWorkLifetimeIT extends AgainstMasterAndStandby {

    @Inject
    RequestContextWork requestContext;

    @Test
    void inAnActiveRequestContextEntitiesReadInOneReadOnlyCallAreStillManagedInTheNext() throws Exception {
        long id = itemOnTheStandby("lifetime-request");

        boolean managedInTheNextCall = onNewThread("unit-of-work", () -> requestContext.call(() -> {
            Item item = readOnly.find(id);
            return readOnly.manages(item);
        }));

        assertThat(managedInTheNextCall).isTrue();
    }

    @Test
    void withoutARequestContextEachOutermostCallIsAUnitOfWorkOfItsOwn() throws Exception {
        long id = itemOnTheStandby("lifetime-outermost");

        boolean[] managed = onNewThread("unit-of-work", () -> {
            boolean inNestedCall = readOnly.call(() -> readOnly.manages(readOnly.find(id)));
            Item readEarlier = readOnly.find(id);
            return new boolean[] {inNestedCall, readOnly.manages(readEarlier)};
        });

        assertThat(managed[0]).as("managed in a call nested in the call that read it").isTrue();
        assertThat(managed[1]).as("managed in the next outermost call").isFalse();
    }

    @Test
    void aTransactionThatAnOutermostCallLeftOpenIsRolledBackWhenItEnds() throws Exception {
        String name = "lifetime-open-" + System.nanoTime();

        onNewThread("unit-of-work", () -> master.call(() -> {
            master.beginTransaction();
            master.persistInCurrentTransaction(name);
            return null;
        }));

        assertThat(onNewThread("unit-of-work", () -> master.count(name))).isZero();
    }

    private long itemOnTheStandby(String name) throws Exception {
        long id = onNewThread("unit-of-work", () -> master.insert(name));
        Databases.waitForStandby();
        return id;
    }
}
