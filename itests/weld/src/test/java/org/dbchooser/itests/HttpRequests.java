package org.dbchooser.itests;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.dbchooser.impl.http.RouteFilter;

/**
 * Drives dbchooser's servlet filter the way a servlet container does, with a request
 * that carries only what the filter reads (method, URI, context path, cookies) and a
 * response that keeps only the cookies and headers set on it. The database
 * work inside is real and answered by the real servers.
 */
final class HttpRequests {

    private final RouteFilter filter;

    HttpRequests(BeanManager beanManager) {
        this.filter = new Unmanaged<>(beanManager, RouteFilter.class).newInstance().produce().inject().postConstruct().get();
    }

    /** A browser, as far as the filter can tell: the cookies the responses set, sent back with each request. */
    static final class Client {
        final Map<String, String> cookies = new ConcurrentHashMap<>();
        final Map<String, String> lastResponseHeaders = new ConcurrentHashMap<>();
    }

    <T> T serve(String method, String requestUri, String contextPath, Callable<T> handler) throws Exception {
        return serve(null, method, requestUri, contextPath, handler);
    }

    <T> T serve(Client client, String method, String path, Callable<T> handler) throws Exception {
        return serve(client, method, "/app" + path, "/app", handler);
    }

    private <T> T serve(Client client, String method, String requestUri, String contextPath, Callable<T> handler)
            throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> requestUri;
                    case "getContextPath" -> contextPath;
                    case "getHeader" -> null;
                    case "getCookies" -> client == null || client.cookies.isEmpty() ? null : client.cookies.entrySet().stream()
                            .map(c -> new Cookie(c.getKey(), c.getValue())).toArray(Cookie[]::new);
                    case "toString" -> method + " " + requestUri;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        HttpServletResponse response = client == null ? null : (HttpServletResponse) Proxy.newProxyInstance(
                HttpServletResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "isCommitted":
                            return false;
                        case "getStatus": // the work ran to its end: an answer of success
                            return 200;
                        case "addCookie":
                            Cookie cookie = (Cookie) args[0];
                            client.cookies.put(cookie.getName(), cookie.getValue());
                            return null;
                        case "setHeader":
                        case "addHeader":
                            client.lastResponseHeaders.put((String) args[0], (String) args[1]);
                            return null;
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
        if (client != null) {
            client.lastResponseHeaders.clear();
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        filter.doFilter(request, response, (req, res) -> {
            try {
                result.set(handler.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    <T> T serve(String method, String path, Callable<T> handler) throws Exception {
        return serve(method, "/app" + path, "/app", handler);
    }
}
