package org.dbchooser.impl.jpa;

import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Parameter;
import jakarta.persistence.Query;
import jakarta.persistence.TemporalType;

import org.dbchooser.Route;

/**
 * A query of the routed {@code EntityManager}: a plain delegate to the query that the
 * route's entity manager created. Every call takes one of three doors: {@link #set}
 * (a setting), {@link #get} (reads the query's state) or {@link #execute} (runs it on a
 * server); each translates a failure the same way ({@link Owner#failed}). On the slave
 * route, {@code executeUpdate} and write locks are refused before anything reaches a
 * server, and a run that finds the slave unreachable is run again on the master: for
 * that one case the query remembers its settings. On the master route it remembers
 * nothing.
 *
 * <p>The jar is compiled against Jakarta Persistence 3.2, and its 3.2 methods delegate
 * like the others. On a 3.1 runtime nothing can call them (the 3.1 interfaces lack
 * them), so the provider's query is never asked for a method it does not have.
 *
 * @param <Q> the kind of query delegated to
 */
class RoutedQuery<Q extends Query> implements Query {

    /** What a query asks of the routed entity manager that created it. */
    interface Owner {

        /** The failure the caller gets when {@code operation} failed on {@code route}. */
        RuntimeException failed(Route route, String operation, RuntimeException failure);

        /** Where a run that could not reach the slave runs again: the master, or null when it must fail. */
        EntityManager masterAfter(RuntimeException slaveFailure);

        /** The refusal of a write asked for on the slave route (or in read-only maintenance). */
        RuntimeException writeRefused(String operation);
    }

    private final Owner owner;
    private final Function<EntityManager, ? extends Q> recreate;
    /** The settings to give the query again when it moves to the master; null on the master route. */
    private final List<Consumer<? super Q>> settings;
    private Route route;
    private Q query;

    /**
     * @param recreate creates the same query on another entity manager; only the slave
     *                 route's queries need it (null on the master route)
     */
    RoutedQuery(Q query, Route route, Owner owner, Function<EntityManager, ? extends Q> recreate) {
        this.query = query;
        this.route = route;
        this.owner = owner;
        this.recreate = recreate;
        this.settings = route == Route.SLAVE ? new ArrayList<>(4) : null;
    }

    /** A setting: applied now, and remembered on the slave route. */
    final void set(String operation, Consumer<? super Q> setting) {
        try {
            setting.accept(query);
        } catch (RuntimeException failure) {
            throw owner.failed(route, operation, failure);
        }
        if (settings != null) {
            settings.add(setting);
        }
    }

    /** Reads the query's own state; nothing runs on a server. */
    final <T> T get(String operation, Function<? super Q, T> call) {
        try {
            return call.apply(query);
        } catch (RuntimeException failure) {
            throw owner.failed(route, operation, failure);
        }
    }

    /** Runs the query on a server; on the slave route, again on the master when the slave cannot be reached. */
    final <T> T execute(String operation, Function<? super Q, T> call) {
        try {
            return call.apply(query);
        } catch (RuntimeException failure) {
            EntityManager master = route == Route.SLAVE ? owner.masterAfter(failure) : null;
            if (master == null) {
                throw owner.failed(route, operation, failure);
            }
            Q again = recreate.apply(master);
            for (Consumer<? super Q> setting : settings) {
                setting.accept(again);
            }
            query = again;
            route = Route.MASTER;
            return get(operation, call);
        }
    }

    /** A write: refused on the slave route before anything reaches a server. */
    final <T> T executeWrite(String operation, Function<? super Q, T> call) {
        if (route == Route.SLAVE) {
            throw owner.writeRefused(operation);
        }
        return get(operation, call);
    }

    final void refuseWriteLock(LockModeType mode) {
        if (route == Route.SLAVE && SlaveWriteGuard.isWriteLock(mode)) {
            throw owner.writeRefused("Query.setLockMode(" + mode + ")");
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List getResultList() {
        return execute("Query.getResultList()", Query::getResultList);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Stream getResultStream() {
        return execute("Query.getResultStream()", Query::getResultStream);
    }

    @Override
    public Object getSingleResult() {
        return execute("Query.getSingleResult()", Query::getSingleResult);
    }

    @Override
    public Object getSingleResultOrNull() {
        return execute("Query.getSingleResultOrNull()", Query::getSingleResultOrNull);
    }

    @Override
    public int executeUpdate() {
        return executeWrite("Query.executeUpdate()", Query::executeUpdate);
    }

    @Override
    public Query setMaxResults(int maxResult) {
        set("Query.setMaxResults()", q -> q.setMaxResults(maxResult));
        return this;
    }

    @Override
    public int getMaxResults() {
        return get("Query.getMaxResults()", Query::getMaxResults);
    }

    @Override
    public Query setFirstResult(int startPosition) {
        set("Query.setFirstResult()", q -> q.setFirstResult(startPosition));
        return this;
    }

    @Override
    public int getFirstResult() {
        return get("Query.getFirstResult()", Query::getFirstResult);
    }

    @Override
    public Query setHint(String hintName, Object value) {
        set("Query.setHint()", q -> q.setHint(hintName, value));
        return this;
    }

    @Override
    public Map<String, Object> getHints() {
        return get("Query.getHints()", Query::getHints);
    }

    @Override
    public <T> Query setParameter(Parameter<T> param, T value) {
        set("Query.setParameter()", q -> q.setParameter(param, value));
        return this;
    }

    @Override
    public Query setParameter(Parameter<Calendar> param, Calendar value, TemporalType temporalType) {
        set("Query.setParameter()", q -> q.setParameter(param, value, temporalType));
        return this;
    }

    @Override
    public Query setParameter(Parameter<Date> param, Date value, TemporalType temporalType) {
        set("Query.setParameter()", q -> q.setParameter(param, value, temporalType));
        return this;
    }

    @Override
    public Query setParameter(String name, Object value) {
        set("Query.setParameter()", q -> q.setParameter(name, value));
        return this;
    }

    @Override
    public Query setParameter(String name, Calendar value, TemporalType temporalType) {
        set("Query.setParameter()", q -> q.setParameter(name, value, temporalType));
        return this;
    }

    @Override
    public Query setParameter(String name, Date value, TemporalType temporalType) {
        set("Query.setParameter()", q -> q.setParameter(name, value, temporalType));
        return this;
    }

    @Override
    public Query setParameter(int position, Object value) {
        set("Query.setParameter()", q -> q.setParameter(position, value));
        return this;
    }

    @Override
    public Query setParameter(int position, Calendar value, TemporalType temporalType) {
        set("Query.setParameter()", q -> q.setParameter(position, value, temporalType));
        return this;
    }

    @Override
    public Query setParameter(int position, Date value, TemporalType temporalType) {
        set("Query.setParameter()", q -> q.setParameter(position, value, temporalType));
        return this;
    }

    @Override
    public Set<Parameter<?>> getParameters() {
        return get("Query.getParameters()", Query::getParameters);
    }

    @Override
    public Parameter<?> getParameter(String name) {
        return get("Query.getParameter()", q -> q.getParameter(name));
    }

    @Override
    public <T> Parameter<T> getParameter(String name, Class<T> type) {
        return get("Query.getParameter()", q -> q.getParameter(name, type));
    }

    @Override
    public Parameter<?> getParameter(int position) {
        return get("Query.getParameter()", q -> q.getParameter(position));
    }

    @Override
    public <T> Parameter<T> getParameter(int position, Class<T> type) {
        return get("Query.getParameter()", q -> q.getParameter(position, type));
    }

    @Override
    public boolean isBound(Parameter<?> param) {
        return get("Query.isBound()", q -> q.isBound(param));
    }

    @Override
    public <T> T getParameterValue(Parameter<T> param) {
        return get("Query.getParameterValue()", q -> q.getParameterValue(param));
    }

    @Override
    public Object getParameterValue(String name) {
        return get("Query.getParameterValue()", q -> q.getParameterValue(name));
    }

    @Override
    public Object getParameterValue(int position) {
        return get("Query.getParameterValue()", q -> q.getParameterValue(position));
    }

    @Override
    public Query setFlushMode(FlushModeType flushMode) {
        set("Query.setFlushMode()", q -> q.setFlushMode(flushMode));
        return this;
    }

    @Override
    public FlushModeType getFlushMode() {
        return get("Query.getFlushMode()", Query::getFlushMode);
    }

    @Override
    public Query setLockMode(LockModeType lockMode) {
        refuseWriteLock(lockMode);
        set("Query.setLockMode()", q -> q.setLockMode(lockMode));
        return this;
    }

    @Override
    public LockModeType getLockMode() {
        return get("Query.getLockMode()", Query::getLockMode);
    }

    @Override
    public Query setCacheRetrieveMode(CacheRetrieveMode cacheRetrieveMode) {
        set("Query.setCacheRetrieveMode()", q -> q.setCacheRetrieveMode(cacheRetrieveMode));
        return this;
    }

    @Override
    public Query setCacheStoreMode(CacheStoreMode cacheStoreMode) {
        set("Query.setCacheStoreMode()", q -> q.setCacheStoreMode(cacheStoreMode));
        return this;
    }

    @Override
    public CacheRetrieveMode getCacheRetrieveMode() {
        return get("Query.getCacheRetrieveMode()", Query::getCacheRetrieveMode);
    }

    @Override
    public CacheStoreMode getCacheStoreMode() {
        return get("Query.getCacheStoreMode()", Query::getCacheStoreMode);
    }

    @Override
    public Query setTimeout(Integer timeout) {
        set("Query.setTimeout()", q -> q.setTimeout(timeout));
        return this;
    }

    @Override
    public Integer getTimeout() {
        return get("Query.getTimeout()", Query::getTimeout);
    }

    /**
     * The provider's own query (or this one, for the Jakarta Persistence interfaces it
     * implements): applications unwrap for the provider's features. What they do with
     * it is theirs; on the slave route the read-only slave still refuses writes.
     */
    @Override
    public <T> T unwrap(Class<T> type) {
        return type.isInstance(this) ? type.cast(this) : get("Query.unwrap()", q -> q.unwrap(type));
    }
}
