package org.dbchooser.impl.cdi;

import org.dbchooser.impl.routing.RouteHealth;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.dbchooser.Maintenance;
import org.dbchooser.impl.config.DeploymentState;
import org.dbchooser.impl.Messages;

/** The operator's switch for read-only maintenance mode. */
@ApplicationScoped
class MaintenanceBean implements Maintenance {

    private static final Logger LOG = Logger.getLogger(MaintenanceBean.class.getName());

    private final RouteHealth health;

    @Inject
    MaintenanceBean(DeploymentState state) {
        this.health = state.health();
    }

    /** For the container's proxy, which only forwards calls. */
    MaintenanceBean() {
        this.health = null;
    }

    @Override
    public boolean isReadOnly() {
        return health.readOnly();
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        if (health.readOnly() != readOnly) {
            health.readOnly(readOnly);
            LOG.warning(Messages.maintenance(readOnly));
        }
    }
}
