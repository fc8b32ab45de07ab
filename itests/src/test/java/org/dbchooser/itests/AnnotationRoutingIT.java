package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

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
}
