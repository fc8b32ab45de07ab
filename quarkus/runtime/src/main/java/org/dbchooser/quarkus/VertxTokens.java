package org.dbchooser.quarkus;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

import org.dbchooser.impl.http.TokenCarrier;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * Read-your-writes' tokens on a Quarkus REST request, through Vert.x: read from the
 * request before the resource method runs, added to the response after it returned
 * (its transaction ended), before Quarkus REST writes the answer.
 */
final class VertxTokens implements TokenCarrier {

    private final RoutingContext routing;
    /** The status the resource method answered with, when it returned a {@code Response}; 200 otherwise. */
    private int status = 200;

    VertxTokens(RoutingContext routing) {
        this.routing = routing;
    }

    /** What the resource method returned. */
    void returned(Object result) {
        if (result instanceof Response response) {
            status = response.getStatus();
        }
    }

    @Override
    public String requestHeader(String name) {
        return routing.request().getHeader(name);
    }

    @Override
    public String requestCookie(String name) {
        Cookie cookie = routing.request().getCookie(name);
        return cookie == null ? null : cookie.getValue();
    }

    @Override
    public boolean responseOpen() {
        return !routing.response().headWritten() && status < 500;
    }

    @Override
    public void responseHeader(String name, String value) {
        routing.response().putHeader(name, value);
    }

    @Override
    public void responseCookie(String name, String value, Duration maxAge) {
        routing.response().addCookie(Cookie.cookie(name, value).setPath("/").setHttpOnly(true)
                .setMaxAge(maxAge.toSeconds()).setSameSite(CookieSameSite.LAX));
    }
}
