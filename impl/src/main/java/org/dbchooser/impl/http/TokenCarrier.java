package org.dbchooser.impl.http;

import java.time.Duration;

/**
 * What read-your-writes reads from a request and adds to its response, whatever serves
 * them: a servlet container ({@link ServletTokens}) or, on Quarkus, Vert.x.
 */
public interface TokenCarrier {

    /** The request's header {@code name}; {@code null} when absent. */
    String requestHeader(String name);

    /** The value of the request's cookie {@code name}; {@code null} when absent. */
    String requestCookie(String name);

    /** True while the response can still take headers and reports no server failure (a status under 500). */
    boolean responseOpen();

    void responseHeader(String name, String value);

    /** Adds a cookie for the whole application (path {@code /}), HttpOnly, {@code SameSite=Lax}. */
    void responseCookie(String name, String value, Duration maxAge);
}
