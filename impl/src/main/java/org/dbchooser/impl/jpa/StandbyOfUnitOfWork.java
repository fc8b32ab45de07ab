package org.dbchooser.impl.jpa;

/**
 * What the entity managers of every unit of work share, wherever their units come from:
 * the standby the unit of work reads from ({@link UnitOfWorkStandby}), kept until it fails.
 */
abstract class StandbyOfUnitOfWork implements RouteEntityManagers {

    protected final UnitOfWorkStandby slave = new UnitOfWorkStandby();

    @Override
    public final int standby() {
        return slave.standby();
    }

    @Override
    public final void standbyFailed() {
        slave.close();
    }
}
