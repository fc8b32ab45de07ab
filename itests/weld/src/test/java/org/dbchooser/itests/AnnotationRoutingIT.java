package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.dbchooser.DbChooserException;
import org.junit.jupiter.api.Test;
import org.dbchooser.itests.databases.Server;

/** @ReadOnly and @Master on classes, methods, stereotypes and superclasses; the default outside requests. */
class AnnotationRoutingIT extends AgainstMasterAndStandby {

    @Inject
    ReadOnlyClassMasterMethod readOnlyClassMasterMethod;

    @Inject
    MasterClassReadOnlyMethod masterClassReadOnlyMethod;

    @Inject
    StereotypedCalls stereotyped;

    @Inject
    InheritedReadOnlyCalls inherited;

    @Inject
    RequestContextWork requestContext;

    @Test
    void readOnlyClassReadsFromTheStandby() {
        assertThat(readOnly.server().isStandby()).as("%s", readOnly.server()).isTrue();
    }

    @Test
    void masterClassRunsOnTheMaster() {
        assertThat(master.server().isMaster()).as("%s", master.server()).isTrue();
    }

    @Test
    void unannotatedCodeOutsideRequestsRunsOnTheMaster() {
        assertThat(plain.server().isMaster()).as("%s", plain.server()).isTrue();
    }

    @Test
    void methodAnnotationBeatsClassAnnotation() {
        assertThat(readOnlyClassMasterMethod.masterMethod().isMaster()).isTrue();
        assertThat(readOnlyClassMasterMethod.server().isStandby()).isTrue();
        assertThat(masterClassReadOnlyMethod.readOnlyMethod().isStandby()).isTrue();
        assertThat(masterClassReadOnlyMethod.server().isMaster()).isTrue();
    }

    @Test
    void stereotypeCarriesTheRouteAndMethodStillBeatsIt() {
        assertThat(stereotyped.server().isStandby()).isTrue();
        assertThat(stereotyped.masterMethod().isMaster()).isTrue();
    }

    @Test
    void classAnnotationIsInherited() {
        assertThat(inherited.server().isStandby()).isTrue();
    }

    @Test
    void onAThreadWithoutRequestContextAnnotatedWorkStartsItsOwnUnitOfWork() throws Exception {
        Server[] seen = onNewThread("worker", () -> new Server[] {readOnly.server(), master.server()});
        assertThat(seen[0].isStandby()).isTrue();
        assertThat(seen[1].isMaster()).isTrue();
    }

    @Test
    void unannotatedWorkOutsideAnyUnitOfWorkGetsAClearError() {
        assertThatThrownBy(() -> onNewThread("timer-1", plain::server))
                .isInstanceOf(DbChooserException.class)
                .hasMessage("DBCHOOSER-305: the routed EntityManager was used on thread 'timer-1' outside any unit of work:"
                        + " in plain CDI its entity managers live as long as a CDI request context, and none is active."
                        + " Start one around the work: annotate the entry method with @Master or @ReadOnly, run it through"
                        + " Routing.call(...), or annotate it @ActivateRequestContext");
    }

    @Test
    void unannotatedWorkInARequestContextOfItsOwnRunsOnTheMaster() throws Exception {
        assertThat(onNewThread("timer-2", () -> requestContext.call(plain::server)).isMaster()).isTrue();
    }
}
