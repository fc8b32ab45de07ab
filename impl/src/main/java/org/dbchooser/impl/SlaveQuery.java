package org.dbchooser.impl;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * A query created on the slave route. It refuses {@code executeUpdate} and write
 * locks before anything reaches a server, explains a write the slave rejects, and,
 * when the slave cannot be reached while it runs, runs it again on the master: it
 * remembers how it was built (the call that created it and every setter since) for
 * that one case. Master-route queries get {@link MasterQuery}, which only translates
 * an unreachable master and records nothing.
 */
final class SlaveQuery implements InvocationHandler {

    /** The calls that run the query on a server. */
    private static final Set<String> EXECUTIONS = Set.of("getResultList", "getSingleResult", "getResultStream", "execute");

    /** Where a slave query that could not reach the slave runs again, or null when it must fail. */
    interface Fallback {
        EntityManager masterAfter(RuntimeException slaveFailure);
    }

    private final Object query;
    private final Function<EntityManager, ?> recreate;
    private final Fallback fallback;
    private final List<Object[]> settings = new ArrayList<>(4);

    private SlaveQuery(Object query, Function<EntityManager, ?> recreate, Fallback fallback) {
        this.query = query;
        this.recreate = recreate;
        this.fallback = fallback;
    }

    /**
     * @param query    the query the slave's entity manager created
     * @param type     the JPA interface the caller asked for (Query, TypedQuery or StoredProcedureQuery)
     * @param recreate creates the same query on another entity manager
     */
    static <Q> Q wrap(Q query, Class<Q> type, Function<EntityManager, ? extends Q> recreate, Fallback fallback) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new SlaveQuery(query, recreate, fallback)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("executeUpdate")) {
            throw SlaveWriteGuard.refused("Query.executeUpdate()");
        }
        if (name.equals("setLockMode") && SlaveWriteGuard.isWriteLock((LockModeType) args[0])) {
            throw SlaveWriteGuard.refused("Query.setLockMode(" + args[0] + ")");
        }
        try {
            Object result = call(query, method, args);
            if (result == query) {
                settings.add(new Object[] {method, args});
                return proxy;
            }
            return result;
        } catch (RuntimeException failure) {
            EntityManager master = EXECUTIONS.contains(name) ? fallback.masterAfter(failure) : null;
            if (master == null) {
                throw SlaveWriteGuard.translate(failure, "Query." + name + "()");
            }
            Object again = recreate.apply(master);
            for (Object[] setting : settings) {
                call(again, (Method) setting[0], (Object[]) setting[1]);
            }
            return call(again, method, args);
        }
    }

    /** Calls METHOD on TARGET, throwing what it threw rather than a reflection wrapper. */
    static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
