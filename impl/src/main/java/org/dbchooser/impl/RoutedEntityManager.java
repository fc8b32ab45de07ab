package org.dbchooser.impl;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
    private final ReplicaMonitor monitor;
    /** The monitor's flags, read on every call; transient because the monitor gives them back after deserialization. */
    private transient RouteHealth health;

    @Inject
    RoutedEntityManager(RouteEntityManagers managers, ReplicaMonitor monitor) {
        this.managers = managers;
        this.monitor = monitor;
        this.health = monitor.health();
    }

    private Object readResolve() {
        health = monitor.health();
        return this;
    }

    /** The route of the work running now; read-only maintenance mode sends everything to the slave. */
    private Route route(RouteContext context) {
        return health.readOnly ? Route.SLAVE : context.route();
    }

    private boolean onSlave() {
        return route(RouteContext.current()) == Route.SLAVE;
    }

    /** The entity manager of the work running now: one thread-local lookup per call. */
    private EntityManager current() {
        RouteContext context = RouteContext.current();
        return entityManager(context, route(context));
    }

    /**
     * The entity manager that serves {@code route} now: slave-routed work goes to the
     * master while the slave cannot serve it (down, or lagging beyond
     * {@code db_chooser.max-lag}); master-routed work fails at once while the master
     * is down.
     */
    private EntityManager entityManager(RouteContext context, Route route) {
        try {
            if (route == Route.SLAVE) {
                // read-only maintenance keeps even these on the slave; read-your-writes may not
                if (health.readOnly || health.slaveServes && !context.readFromMaster) {
                    return managers.get(Route.SLAVE);
                }
            } else {
                context.masterUsed = true;
            }
            if (!health.masterUp) {
                throw Messages.masterUnavailable(route == Route.SLAVE
                        ? "a slave-routed read (the slave cannot serve it either)" : "master-routed work");
            }
            return managers.get(Route.MASTER);
        } catch (ContextNotActiveException e) {
            throw Messages.noUnitOfWork(e);
        }
    }

    /**
     * Where slave-routed work that found the slave unreachable runs again: the master,
     * when falling back is allowed, else nowhere (null: the failure stands).
     */
    private EntityManager masterAfter(RuntimeException slaveFailure) {
        if (!ConnectionFailures.isConnectionFailure(slaveFailure) || health.readOnly) {
            return null;
        }
        return monitor.slaveFailed(slaveFailure) ? masterForReads() : null;
    }

    /** The master, serving slave-routed reads: not "master used" for read-your-writes. */
    private EntityManager masterForReads() {
        if (!health.masterUp) {
            throw Messages.masterUnavailable("a slave-routed read (the slave cannot serve it either)");
        }
        return managers.get(Route.MASTER);
    }

    /**
     * Master-routed work. A master found unreachable is reported to the monitor at once,
     * so that the requests behind this one fail fast, and to the caller as DBCHOOSER-310.
     */
    private <T> T onMaster(String operation, EntityManager master, Function<EntityManager, T> call) {
        try {
            return call.apply(master);
        } catch (RuntimeException failure) {
            throw masterFailure(operation, failure);
        }
    }

    private RuntimeException masterFailure(String operation, RuntimeException failure) {
        if (!ConnectionFailures.isConnectionFailure(failure)) {
            return failure;
        }
        monitor.masterFailed(failure);
        return Messages.masterLost(operation, failure);
    }

    /** A read: on the slave route, run again on the master if the slave cannot be reached. */
    private <T> T read(Function<EntityManager, T> call) {
        RouteContext context = RouteContext.current();
        Route route = route(context);
        EntityManager em = entityManager(context, route);
        if (route == Route.MASTER) {
            return onMaster("EntityManager.find()", em, call);
        }
        try {
            return call.apply(em);
        } catch (RuntimeException failure) {
            EntityManager master = masterAfter(failure);
            if (master == null) {
                throw failure;
            }
            return call.apply(master);
        }
    }

    /** The master's entity manager, or a refusal naming the operation when the route is the slave. */
    private EntityManager writable(String operation) {
        if (health.readOnly) {
            throw Messages.maintenanceWriteRefused(operation, SlaveWriteGuard.caller());
        }
        RouteContext context = RouteContext.current();
        if (context.route() == Route.SLAVE) {
            throw SlaveWriteGuard.refused(operation);
        }
        return entityManager(context, Route.MASTER);
    }

    private static String entity(Object entity) {
        return entity == null ? "null" : entity.getClass().getSimpleName();
    }

    private void refuseWriteLock(LockModeType mode, String operation) {
        if (SlaveWriteGuard.isWriteLock(mode) && onSlave()) {
            writable(operation + " with lock " + mode);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> TypedQuery<T> typed(Function<EntityManager, TypedQuery<T>> create) {
        return query(TypedQuery.class, create);
    }

    /** A query of the current route; on the slave route, guarded and able to fall back. */
    private <Q> Q query(Class<Q> type, Function<EntityManager, ? extends Q> create) {
        RouteContext context = RouteContext.current();
        Route route = route(context);
        Q query = create.apply(entityManager(context, route));
        return route == Route.MASTER ? MasterQuery.wrap(query, type, this::masterFailure)
                : SlaveQuery.wrap(query, type, create, this::masterAfter);
    }

    @Override
    public void persist(Object entity) {
        String operation = "EntityManager.persist(" + entity(entity) + ")";
        onMaster(operation, writable(operation), em -> {
            em.persist(entity);
            return null;
        });
    }

    @Override
    public <T> T merge(T entity) {
        String operation = "EntityManager.merge(" + entity(entity) + ")";
        return onMaster(operation, writable(operation), em -> em.merge(entity));
    }

    @Override
    public void remove(Object entity) {
        String operation = "EntityManager.remove(" + entity(entity) + ")";
        onMaster(operation, writable(operation), em -> {
            em.remove(entity);
            return null;
        });
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey) {
        return read(em -> em.find(entityClass, primaryKey));
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, Map<String, Object> properties) {
        return read(em -> em.find(entityClass, primaryKey, properties));
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, LockModeType lockMode) {
        refuseWriteLock(lockMode, "EntityManager.find(" + entityClass.getSimpleName() + ")");
        return read(em -> em.find(entityClass, primaryKey, lockMode));
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, LockModeType lockMode, Map<String, Object> properties) {
        refuseWriteLock(lockMode, "EntityManager.find(" + entityClass.getSimpleName() + ")");
        return read(em -> em.find(entityClass, primaryKey, lockMode, properties));
    }

    @Override
    public <T> T getReference(Class<T> entityClass, Object primaryKey) {
        return current().getReference(entityClass, primaryKey);
    }

    @Override
    public void flush() {
        RouteContext context = RouteContext.current();
        Route route = route(context);
        if (route == Route.MASTER) {
            onMaster("EntityManager.flush()", entityManager(context, route), em -> {
                em.flush();
                return null;
            });
            return;
        }
        try {
            entityManager(context, route).flush();
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
        return query(Query.class, em -> em.createQuery(qlString));
    }

    @Override
    public <T> TypedQuery<T> createQuery(CriteriaQuery<T> criteriaQuery) {
        return typed(em -> em.createQuery(criteriaQuery));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Query createQuery(CriteriaUpdate updateQuery) {
        return MasterQuery.wrap(writable("EntityManager.createQuery(CriteriaUpdate)").createQuery(updateQuery), Query.class,
                this::masterFailure);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Query createQuery(CriteriaDelete deleteQuery) {
        return MasterQuery.wrap(writable("EntityManager.createQuery(CriteriaDelete)").createQuery(deleteQuery), Query.class,
                this::masterFailure);
    }

    @Override
    public <T> TypedQuery<T> createQuery(String qlString, Class<T> resultClass) {
        return typed(em -> em.createQuery(qlString, resultClass));
    }

    @Override
    public Query createNamedQuery(String name) {
        return query(Query.class, em -> em.createNamedQuery(name));
    }

    @Override
    public <T> TypedQuery<T> createNamedQuery(String name, Class<T> resultClass) {
        return typed(em -> em.createNamedQuery(name, resultClass));
    }

    @Override
    public Query createNativeQuery(String sqlString) {
        return query(Query.class, em -> em.createNativeQuery(sqlString));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Query createNativeQuery(String sqlString, Class resultClass) {
        return query(Query.class, em -> em.createNativeQuery(sqlString, resultClass));
    }

    @Override
    public Query createNativeQuery(String sqlString, String resultSetMapping) {
        return query(Query.class, em -> em.createNativeQuery(sqlString, resultSetMapping));
    }

    @Override
    public StoredProcedureQuery createNamedStoredProcedureQuery(String name) {
        return query(StoredProcedureQuery.class, em -> em.createNamedStoredProcedureQuery(name));
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName) {
        return query(StoredProcedureQuery.class, em -> em.createStoredProcedureQuery(procedureName));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName, Class... resultClasses) {
        return query(StoredProcedureQuery.class, em -> em.createStoredProcedureQuery(procedureName, resultClasses));
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName, String... resultSetMappings) {
        return query(StoredProcedureQuery.class, em -> em.createStoredProcedureQuery(procedureName, resultSetMappings));
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
        RouteContext context = RouteContext.current();
        Route route = route(context);
        EntityTransaction transaction = entityManager(context, route).getTransaction();
        return route == Route.SLAVE ? SlaveWriteGuard.guardTransaction(transaction) : transaction;
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
