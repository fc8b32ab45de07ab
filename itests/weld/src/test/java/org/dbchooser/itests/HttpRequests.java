package org.dbchooser.itests;

import java.lang.reflect.Proxy;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.servlet.http.HttpServletRequest;

import org.dbchooser.impl.RouteFilter;

/**
 * Drives dbchooser's servlet filter the way a servlet container does, with a request
 * that carries only what the filter reads (method, URI, context path). The database
 * work inside is real and answered by the real servers.
 */
final class HttpRequests {

    private final RouteFilter filter;

    HttpRequests(BeanManager beanManager) {
        this.filter = new Unmanaged<>(beanManager, RouteFilter.class).newInstance().produce().inject().postConstruct().get();
    }

    <T> T serve(String method, String requestUri, String contextPath, Callable<T> handler) throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> requestUri;
                    case "getContextPath" -> contextPath;
                    case "toString" -> method + " " + requestUri;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        filter.doFilter(request, null, (req, res) -> {
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
