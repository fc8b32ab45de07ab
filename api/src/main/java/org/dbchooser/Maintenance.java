package org.dbchooser;

/**
 * Read-only maintenance mode, as GeoMapFish has it: while it is on, all database work
 * reads from the slave, whatever the request or the annotations say, and every write
 * is refused with {@link MaintenanceModeException}. Starts as
 * {@code db_chooser.read-only} says; an operator switches it at run time through this
 * bean ({@code @Inject Maintenance maintenance;}), for example from an admin endpoint.
 */
public interface Maintenance {

    /** True while the application is in read-only maintenance mode. */
    boolean isReadOnly();

    /** Turns read-only maintenance mode on or off, at once, for every thread. */
    void setReadOnly(boolean readOnly);
}
