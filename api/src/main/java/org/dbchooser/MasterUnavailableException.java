package org.dbchooser;

/**
 * Work routed to the master could not run because the master cannot be reached. It
 * fails at once instead of waiting for connection timeouts; reads routed to the slave
 * keep working. A JAX-RS application maps it to 503 Service Unavailable.
 */
public class MasterUnavailableException extends DbChooserException {

    private static final long serialVersionUID = 1L;

    public MasterUnavailableException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
