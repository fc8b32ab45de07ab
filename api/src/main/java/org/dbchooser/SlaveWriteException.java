package org.dbchooser;

/**
 * Work on the slave route tried to write. Nothing was written: the write was refused
 * before it reached a server, or the read-only slave rejected it and its transaction
 * was rolled back. The message names the route and what chose it, the request (when
 * there is one), the code that wrote, and how to fix it.
 */
public class SlaveWriteException extends DbChooserException {

    private static final long serialVersionUID = 1L;

    public SlaveWriteException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
