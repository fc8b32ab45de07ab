package org.dbchooser;

/**
 * A failure that dbchooser reports. Its message starts with a code
 * ({@code DBCHOOSER-nnn}) that the README explains.
 */
public class DbChooserException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public DbChooserException(String code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
    }

    /** The message code, for example {@code DBCHOOSER-301}. */
    public String code() {
        return code;
    }
}
