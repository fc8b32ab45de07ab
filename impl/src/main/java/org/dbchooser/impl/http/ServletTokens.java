package org.dbchooser.impl.http;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Read-your-writes' tokens on a servlet request and response. */
record ServletTokens(HttpServletRequest request, HttpServletResponse response) implements TokenCarrier {

    @Override
    public String requestHeader(String name) {
        return request.getHeader(name);
    }

    @Override
    public String requestCookie(String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(name)) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    @Override
    public boolean responseOpen() {
        return !response.isCommitted() && response.getStatus() < 500;
    }

    @Override
    public void responseHeader(String name, String value) {
        response.setHeader(name, value);
    }

    @Override
    public void responseCookie(String name, String value, Duration maxAge) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()));
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
