package org.dbchooser.itests;

import jakarta.enterprise.inject.spi.Extension;

import org.dbchooser.impl.DbChooserExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** The test application: the routed beans, with dbchooser as the library it uses. */
final class Deployments {

    private Deployments() {
    }

    static JavaArchive routedBeans() {
        return ShrinkWrap.create(JavaArchive.class, "routed-beans.jar")
                .addClasses(Item.class, Server.class, Databases.class, RoutedCalls.class, ReadOnlyCalls.class,
                        MasterCalls.class, PlainCalls.class, ReadOnlyClassMasterMethod.class,
                        MasterClassReadOnlyMethod.class, ReadOnlyService.class, StereotypedCalls.class,
                        InheritedReadOnlyCalls.class, HttpRequests.class, RequestContextWork.class)
                .addAsManifestResource("request-routing/microprofile-config.properties", "microprofile-config.properties")
                .addAsServiceProvider(Extension.class, DbChooserExtension.class)
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
    }
}
