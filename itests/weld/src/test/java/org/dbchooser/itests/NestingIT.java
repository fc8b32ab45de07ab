package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;


import org.junit.jupiter.api.Test;
import org.dbchooser.itests.databases.Server;

/**
 * Every nesting pair of @ReadOnly, @Master and unannotated beans: the inner call
 * runs on its own route (or its caller's, when it has none), and the caller is back
 * on its route afterwards, also when the inner call throws.
 */
class NestingIT extends AgainstMasterAndStandby {

    /** What one nesting showed: the server before, inside and after the inner call. */
    record Seen(Server before, Server inner, Server after) {
    }

    /**
     * Before and after the inner call, unannotated code inside the outer call asks: it
     * runs on whatever route the thread has then, so a route the inner call left behind
     * would show (asking through the outer bean would choose the outer route again).
     */
    private Seen nest(RoutedCalls outer, RoutedCalls inner) throws Exception {
        return outer.call(() -> {
            Server before = plain.server();
            Server inside = inner.call(inner::server);
            Server after = plain.server();
            return new Seen(before, inside, after);
        });
    }

    private static void expect(Seen seen, boolean outerOnStandby, boolean innerOnStandby) {
        assertThat(seen.before().isStandby()).as("outer before: %s", seen.before()).isEqualTo(outerOnStandby);
        assertThat(seen.before().isMaster()).as("outer before: %s", seen.before()).isEqualTo(!outerOnStandby);
        assertThat(seen.inner().isStandby()).as("inner: %s", seen.inner()).isEqualTo(innerOnStandby);
        assertThat(seen.inner().isMaster()).as("inner: %s", seen.inner()).isEqualTo(!innerOnStandby);
        assertThat(seen.after().isStandby()).as("outer after: %s", seen.after()).isEqualTo(outerOnStandby);
        assertThat(seen.after().isMaster()).as("outer after: %s", seen.after()).isEqualTo(!outerOnStandby);
    }

    @Test
    void readOnlyInsideReadOnly() throws Exception {
        expect(nest(readOnly, readOnly), true, true);
    }

    @Test
    void masterInsideReadOnly() throws Exception {
        expect(nest(readOnly, master), true, false);
    }

    @Test
    void unannotatedInsideReadOnlyTakesTheCallersRoute() throws Exception {
        expect(nest(readOnly, plain), true, true);
    }

    @Test
    void readOnlyInsideMaster() throws Exception {
        expect(nest(master, readOnly), false, true);
    }

    @Test
    void masterInsideMaster() throws Exception {
        expect(nest(master, master), false, false);
    }

    @Test
    void unannotatedInsideMasterTakesTheCallersRoute() throws Exception {
        expect(nest(master, plain), false, false);
    }

    @Test
    void readOnlyInsideUnannotated() throws Exception {
        expect(nest(plain, readOnly), false, true);
    }

    @Test
    void masterInsideUnannotated() throws Exception {
        expect(nest(plain, master), false, false);
    }

    @Test
    void unannotatedInsideUnannotatedIsOnTheDefault() throws Exception {
        expect(nest(plain, plain), false, false);
    }

    @Test
    void routeIsRestoredWhenTheInnerCallThrowsAnUncheckedException() throws Exception {
        AtomicReference<Server> after = new AtomicReference<>();
        readOnly.call(() -> {
            IllegalStateException thrown = new IllegalStateException("inner failure");
            assertThatThrownBy(() -> master.call(() -> {
                throw thrown;
            })).isSameAs(thrown);
            after.set(plain.server()); // unannotated: the route the thread has now
            return null;
        });
        assertThat(after.get().isStandby()).as("%s", after.get()).isTrue();
        assertThat(plain.server().isMaster()).isTrue();
    }

    @Test
    void routeIsRestoredWhenTheInnerCallThrowsACheckedException() throws Exception {
        AtomicReference<Server> after = new AtomicReference<>();
        master.call(() -> {
            IOException thrown = new IOException("inner failure");
            assertThatThrownBy(() -> readOnly.call(() -> {
                throw thrown;
            })).isSameAs(thrown);
            after.set(plain.server()); // unannotated: the route the thread has now
            return null;
        });
        assertThat(after.get().isMaster()).as("%s", after.get()).isTrue();
    }

    @Test
    void routeIsRestoredWhenTheOutermostCallThrows() {
        StackOverflowError thrown = new StackOverflowError("an Error, not an Exception");
        assertThatThrownBy(() -> readOnly.call(() -> {
            throw thrown;
        })).isSameAs(thrown);
        assertThat(plain.server().isMaster()).isTrue();
    }
}
