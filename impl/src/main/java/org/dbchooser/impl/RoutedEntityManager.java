package org.dbchooser.impl;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.StoredProcedureQuery;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.metamodel.Metamodel;

import org.dbchooser.Route;

/**
 * The {@code EntityManager} applications inject: every call goes to the entity
 * manager of the current route. On the slave route, writes are refused before they
 * reach a server and objects that could still write (queries, the transaction) are
 * guarded; on the master route calls go straight through.
 */
@Dependent
@Typed(EntityManager.class)
class RoutedEntityManager implements EntityManager, Serializable {

    private static final long serialVersionUID = 1L;

    private final RouteEntityManagers managers;

    @Inject
    RoutedEntityManager(RouteEntityManagers managers) {
        this.managers = managers;
    }

    private boolean onSlave() {
        return RouteContext.current().route() == Route.SLAVE;
    }

    private EntityManager current() {
        return entityManager(RouteContext.current().route());
    }

    private EntityManager entityManager(Route route) {
        try {
            return managers.get(route);
        } catch (ContextNotActiveException e) {
            throw Messages.noUnitOfWork(e);
        }
    }

    /** The master's entity manager, or a refusal naming the operation when the route is the slave. */
    private EntityManager writable(String operation) {
        if (onSlave()) {
            throw SlaveWriteGuard.refused(operation);
        }
        return entityManager(Route.MASTER);
    }

    private static String entity(Object entity) {
        return entity == null ? "null" : entity.getClass().getSimpleName();
    }

    private void refuseWriteLock(LockModeType mode, String operation) {
        if (SlaveWriteGuard.isWriteLock(mode) && onSlave()) {
            throw SlaveWriteGuard.refused(operation + " with lock " + mode);
        }
    }

    private Query guarded(Query query) {
        return onSlave() ? SlaveWriteGuard.guardQuery(query, Query.class) : query;
    }

    @SuppressWarnings("unchecked")
    private <T> TypedQuery<T> guarded(TypedQuery<T> query) {
        return onSlave() ? SlaveWriteGuard.guardQuery(query, TypedQuery.class) : query;
    }

    private StoredProcedureQuery guarded(StoredProcedureQuery query) {
        return onSlave() ? SlaveWriteGuard.guardQuery(query, StoredProcedureQuery.class) : query;
    }

    @Override
    public void persist(Object entity) {
        writable("EntityManager.persist(" + entity(entity) + ")").persist(entity);
    }

    @Override
    public <T> T merge(T entity) {
        return writable("EntityManager.merge(" + entity(entity) + ")").merge(entity);
    }

    @Override
    public void remove(Object entity) {
        writable("EntityManager.remove(" + entity(entity) + ")").remove(entity);
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey) {
        return current().find(entityClass, primaryKey);
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, Map<String, Object> properties) {
        return current().find(entityClass, primaryKey, properties);
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, LockModeType lockMode) {
        refuseWriteLock(lockMode, "EntityManager.find(" + entityClass.getSimpleName() + ")");
        return current().find(entityClass, primaryKey, lockMode);
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, LockModeType lockMode, Map<String, Object> properties) {
        refuseWriteLock(lockMode, "EntityManager.find(" + entityClass.getSimpleName() + ")");
        return current().find(entityClass, primaryKey, lockMode, properties);
    }

    @Override
    public <T> T getReference(Class<T> entityClass, Object primaryKey) {
        return current().getReference(entityClass, primaryKey);
    }

    @Override
    public void flush() {
        if (!onSlave()) {
            entityManager(Route.MASTER).flush();
            return;
        }
        try {
            entityManager(Route.SLAVE).flush();
        } catch (RuntimeException e) {
            throw SlaveWriteGuard.translate(e, "EntityManager.flush()");
        }
    }

    @Override
    public void setFlushMode(FlushModeType flushMode) {
        current().setFlushMode(flushMode);
    }

    @Override
    public FlushModeType getFlushMode() {
        return current().getFlushMode();
    }

    @Override
    public void lock(Object entity, LockModeType lockMode) {
        refuseWriteLock(lockMode, "EntityManager.lock(" + entity(entity) + ")");
        current().lock(entity, lockMode);
    }

    @Override
    public void lock(Object entity, LockModeType lockMode, Map<String, Object> properties) {
        refuseWriteLock(lockMode, "EntityManager.lock(" + entity(entity) + ")");
        current().lock(entity, lockMode, properties);
    }

    @Override
    public void refresh(Object entity) {
        current().refresh(entity);
    }

    @Override
    public void refresh(Object entity, Map<String, Object> properties) {
        current().refresh(entity, properties);
    }

    @Override
    public void refresh(Object entity, LockModeType lockMode) {
        refuseWriteLock(lockMode, "EntityManager.refresh(" + entity(entity) + ")");
        current().refresh(entity, lockMode);
    }

    @Override
    public void refresh(Object entity, LockModeType lockMode, Map<String, Object> properties) {
        refuseWriteLock(lockMode, "EntityManager.refresh(" + entity(entity) + ")");
        current().refresh(entity, lockMode, properties);
    }

    @Override
    public void clear() {
        current().clear();
    }

    @Override
    public void detach(Object entity) {
        current().detach(entity);
    }

    @Override
    public boolean contains(Object entity) {
        return current().contains(entity);
    }

    @Override
    public LockModeType getLockMode(Object entity) {
        return current().getLockMode(entity);
    }

    @Override
    public void setProperty(String propertyName, Object value) {
        current().setProperty(propertyName, value);
    }

    @Override
    public Map<String, Object> getProperties() {
        return current().getProperties();
    }

    @Override
    public Query createQuery(String qlString) {
        return guarded(current().createQuery(qlString));
    }

    @Override
    public <T> TypedQuery<T> createQuery(CriteriaQuery<T> criteriaQuery) {
        return guarded(current().createQuery(criteriaQuery));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Query createQuery(CriteriaUpdate updateQuery) {
        return writable("EntityManager.createQuery(CriteriaUpdate)").createQuery(updateQuery);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Query createQuery(CriteriaDelete deleteQuery) {
        return writable("EntityManager.createQuery(CriteriaDelete)").createQuery(deleteQuery);
    }

    @Override
    public <T> TypedQuery<T> createQuery(String qlString, Class<T> resultClass) {
        return guarded(current().createQuery(qlString, resultClass));
    }

    @Override
    public Query createNamedQuery(String name) {
        return guarded(current().createNamedQuery(name));
    }

    @Override
    public <T> TypedQuery<T> createNamedQuery(String name, Class<T> resultClass) {
        return guarded(current().createNamedQuery(name, resultClass));
    }

    @Override
    public Query createNativeQuery(String sqlString) {
        return guarded(current().createNativeQuery(sqlString));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Query createNativeQuery(String sqlString, Class resultClass) {
        return guarded(current().createNativeQuery(sqlString, resultClass));
    }

    @Override
    public Query createNativeQuery(String sqlString, String resultSetMapping) {
        return guarded(current().createNativeQuery(sqlString, resultSetMapping));
    }

    @Override
    public StoredProcedureQuery createNamedStoredProcedureQuery(String name) {
        return guarded(current().createNamedStoredProcedureQuery(name));
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName) {
        return guarded(current().createStoredProcedureQuery(procedureName));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName, Class... resultClasses) {
        return guarded(current().createStoredProcedureQuery(procedureName, resultClasses));
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName, String... resultSetMappings) {
        return guarded(current().createStoredProcedureQuery(procedureName, resultSetMappings));
    }

    @Override
    public void joinTransaction() {
        current().joinTransaction();
    }

    @Override
    public boolean isJoinedToTransaction() {
        return current().isJoinedToTransaction();
    }

    @Override
    public <T> T unwrap(Class<T> cls) {
        return current().unwrap(cls);
    }

    @Override
    public Object getDelegate() {
        return current().getDelegate();
    }

    /** Like a container-managed entity manager, this one is closed by its owner, not by the application. */
    @Override
    public void close() {
        throw new IllegalStateException(Messages.closeRefused());
    }

    @Override
    public boolean isOpen() {
        return current().isOpen();
    }

    @Override
    public EntityTransaction getTransaction() {
        EntityTransaction transaction = current().getTransaction();
        return onSlave() ? SlaveWriteGuard.guardTransaction(transaction) : transaction;
    }

    @Override
    public EntityManagerFactory getEntityManagerFactory() {
        return current().getEntityManagerFactory();
    }

    @Override
    public CriteriaBuilder getCriteriaBuilder() {
        return current().getCriteriaBuilder();
    }

    @Override
    public Metamodel getMetamodel() {
        return current().getMetamodel();
    }

    @Override
    public <T> EntityGraph<T> createEntityGraph(Class<T> rootType) {
        return current().createEntityGraph(rootType);
    }

    @Override
    public EntityGraph<?> createEntityGraph(String graphName) {
        return current().createEntityGraph(graphName);
    }

    @Override
    public EntityGraph<?> getEntityGraph(String graphName) {
        return current().getEntityGraph(graphName);
    }

    @Override
    public <T> List<EntityGraph<? super T>> getEntityGraphs(Class<T> entityClass) {
        return current().getEntityGraphs(entityClass);
    }
}
