package org.dbchooser.impl.jpa;

import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Parameter;
import jakarta.persistence.ParameterMode;
import jakarta.persistence.StoredProcedureQuery;
import jakarta.persistence.TemporalType;

import org.dbchooser.Route;

/**
 * A stored procedure call of the routed {@code EntityManager}: {@link RoutedQuery}'s
 * rules. {@code execute} runs on the slave route (a procedure that writes is refused
 * by the read-only slave, and explained); {@code executeUpdate} is a write.
 */
final class RoutedStoredProcedureQuery extends RoutedQuery<StoredProcedureQuery> implements StoredProcedureQuery {

    RoutedStoredProcedureQuery(StoredProcedureQuery query, Route route, Owner owner,
            Function<EntityManager, StoredProcedureQuery> recreate) {
        super(query, route, owner, recreate);
    }

    @Override
    public boolean execute() {
        return execute("StoredProcedureQuery.execute()", StoredProcedureQuery::execute);
    }

    @Override
    public int executeUpdate() {
        return executeWrite("StoredProcedureQuery.executeUpdate()", StoredProcedureQuery::executeUpdate);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List getResultList() {
        return execute("StoredProcedureQuery.getResultList()", StoredProcedureQuery::getResultList);
    }

    @Override
    public Object getSingleResult() {
        return execute("StoredProcedureQuery.getSingleResult()", StoredProcedureQuery::getSingleResult);
    }

    @Override
    public boolean hasMoreResults() {
        return get("StoredProcedureQuery.hasMoreResults()", StoredProcedureQuery::hasMoreResults);
    }

    @Override
    public int getUpdateCount() {
        return get("StoredProcedureQuery.getUpdateCount()", StoredProcedureQuery::getUpdateCount);
    }

    @Override
    public Object getOutputParameterValue(int position) {
        return get("StoredProcedureQuery.getOutputParameterValue()", q -> q.getOutputParameterValue(position));
    }

    @Override
    public Object getOutputParameterValue(String parameterName) {
        return get("StoredProcedureQuery.getOutputParameterValue()", q -> q.getOutputParameterValue(parameterName));
    }

    @Override
    public StoredProcedureQuery registerStoredProcedureParameter(int position, Class<?> type, ParameterMode mode) {
        set("StoredProcedureQuery.registerStoredProcedureParameter()", q -> q.registerStoredProcedureParameter(position, type, mode));
        return this;
    }

    @Override
    public StoredProcedureQuery registerStoredProcedureParameter(String parameterName, Class<?> type, ParameterMode mode) {
        set("StoredProcedureQuery.registerStoredProcedureParameter()",
                q -> q.registerStoredProcedureParameter(parameterName, type, mode));
        return this;
    }

    @Override
    public StoredProcedureQuery setHint(String hintName, Object value) {
        super.setHint(hintName, value);
        return this;
    }

    @Override
    public <T> StoredProcedureQuery setParameter(Parameter<T> param, T value) {
        super.setParameter(param, value);
        return this;
    }

    @Override
    public StoredProcedureQuery setParameter(Parameter<Calendar> param, Calendar value, TemporalType temporalType) {
        super.setParameter(param, value, temporalType);
        return this;
    }

    @Override
    public StoredProcedureQuery setParameter(Parameter<Date> param, Date value, TemporalType temporalType) {
        super.setParameter(param, value, temporalType);
        return this;
    }

    @Override
    public StoredProcedureQuery setParameter(String name, Object value) {
        super.setParameter(name, value);
        return this;
    }

    @Override
    public StoredProcedureQuery setParameter(String name, Calendar value, TemporalType temporalType) {
        super.setParameter(name, value, temporalType);
        return this;
    }

    @Override
    public StoredProcedureQuery setParameter(String name, Date value, TemporalType temporalType) {
        super.setParameter(name, value, temporalType);
        return this;
    }

    @Override
    public StoredProcedureQuery setParameter(int position, Object value) {
        super.setParameter(position, value);
        return this;
    }

    @Override
    public StoredProcedureQuery setParameter(int position, Calendar value, TemporalType temporalType) {
        super.setParameter(position, value, temporalType);
        return this;
    }

    @Override
    public StoredProcedureQuery setParameter(int position, Date value, TemporalType temporalType) {
        super.setParameter(position, value, temporalType);
        return this;
    }

    @Override
    public StoredProcedureQuery setFlushMode(FlushModeType flushMode) {
        super.setFlushMode(flushMode);
        return this;
    }

    @Override
    public StoredProcedureQuery setCacheRetrieveMode(CacheRetrieveMode cacheRetrieveMode) {
        super.setCacheRetrieveMode(cacheRetrieveMode);
        return this;
    }

    @Override
    public StoredProcedureQuery setCacheStoreMode(CacheStoreMode cacheStoreMode) {
        super.setCacheStoreMode(cacheStoreMode);
        return this;
    }

    @Override
    public StoredProcedureQuery setTimeout(Integer timeout) {
        super.setTimeout(timeout);
        return this;
    }
}
