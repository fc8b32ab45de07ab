package org.dbchooser.impl;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A query created on the master route: when running it finds the master unreachable,
 * the caller gets DBCHOOSER-310 (answer 503) and the monitor learns at once, so that
 * the requests behind this one fail fast instead of each waiting for a dead
 * connection.
 */
final class MasterQuery implements InvocationHandler {

    /** Turns a failure of the named operation into what the caller should get. */
    interface Failures {
        RuntimeException translate(String operation, RuntimeException failure);
    }

    private final Object query;
    private final Failures failures;

    private MasterQuery(Object query, Failures failures) {
        this.query = query;
        this.failures = failures;
    }

    static <Q> Q wrap(Q query, Class<Q> type, Failures failures) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new MasterQuery(query, failures)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        try {
            Object result = SlaveQuery.call(query, method, args);
            return result == query ? proxy : result;
        } catch (RuntimeException failure) {
            throw failures.translate("Query." + method.getName() + "()", failure);
        }
    }
}
