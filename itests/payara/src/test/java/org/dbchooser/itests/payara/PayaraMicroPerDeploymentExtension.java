package org.dbchooser.itests.payara;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;

/** Puts {@link PayaraMicroPerDeployment} in the place of the Payara Micro managed adapter's own container. */
public class PayaraMicroPerDeploymentExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, PayaraMicroPerDeployment.class);
    }
}
