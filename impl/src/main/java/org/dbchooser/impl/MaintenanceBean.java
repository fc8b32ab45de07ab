package org.dbchooser.impl;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.dbchooser.Maintenance;

/** The operator's switch for read-only maintenance mode. */
@ApplicationScoped
class MaintenanceBean implements Maintenance {

    private static final Logger LOG = Logger.getLogger(MaintenanceBean.class.getName());

    private final RouteHealth health;

    @Inject
    MaintenanceBean(DbChooserExtension extension) {
        this.health = extension == null ? null : extension.health();
    }

    /** For the container's proxy. */
    MaintenanceBean() {
        this(null);
    }

    @Override
    public boolean isReadOnly() {
        return health.readOnly;
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        if (health.readOnly != readOnly) {
            health.readOnly = readOnly;
            LOG.warning(readOnly
                    ? "dbchooser: read-only maintenance mode ON: all work reads from the slave, writes are refused"
                    : "dbchooser: read-only maintenance mode OFF: routing as usual");
        }
    }
}
