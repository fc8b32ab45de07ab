package org.dbchooser;

/**
 * A write was refused because the application is in read-only maintenance mode (see
 * {@link Maintenance}): every request reads from the slave while the master is worked
 * on. Nothing was written. A JAX-RS application maps it to 503 Service Unavailable.
 */
public class MaintenanceModeException extends DbChooserException {

    private static final long serialVersionUID = 1L;

    public MaintenanceModeException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
