package org.dbchooser.impl.jpa;

import org.dbchooser.impl.Messages;
import org.dbchooser.impl.routing.RouteContext;
import org.dbchooser.impl.routing.RouteHealth;
import org.dbchooser.impl.routing.RouteRules;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.ConnectionConsumer;
import jakarta.persistence.ConnectionFunction;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.FindOption;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockOption;
import jakarta.persistence.Query;
import jakarta.persistence.RefreshOption;
import jakarta.persistence.StoredProcedureQuery;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.TypedQueryReference;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.CriteriaSelect;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.metamodel.Metamodel;

import org.dbchooser.Route;

/**
 * The {@code EntityManager} applications inject: every call goes to the entity
 * manager of the current route, through one of three doors: {@link #call} (work that
 * stays where it is routed), {@link #read} (a read that, on the slave route, runs again
 * on the master when the slave cannot be reached) and {@link #write} (refused on the
 * slave route before it reaches a server). Each door translates a failure the same
 * way ({@link #failed}): a master found unreachable becomes DBCHOOSER-310 and tells the
 * monitor; a write the slave rejected becomes DBCHOOSER-302. Queries are
 * {@link RoutedQuery} delegates that follow the same rules.
 *
 * <p>It implements Jakarta Persistence 3.2 and runs on 3.1 too: it is not a bean class
 * (the container would read its 3.2 signatures) but the product of
 * {@link RoutedEntityManagerProducer}, and on 3.1 nothing can call its 3.2 methods.
 */
public class RoutedEntityManager implements EntityManager, Serializable, RoutedQuery.Owner {

    private static final long serialVersionUID = 1L;

    /** The request context's entity managers (the container's proxy), for a unit of work that holds none itself. */
    private final RequestEntityManagers requestEntityManagers;
    private final ReplicaStatus monitor;
    /**
     * The monitor's flags, read on every call; taken from the monitor on first use (an
     * entity manager injected while the application starts, as Quarkus REST makes its
     * providers, must not need the monitor yet), and again after deserialization.
     */
    private transient RouteHealth health;
    /** What stickiness asks, about the unit of work running when it asks; made again after deserialization. */
    private transient RouteRules.MasterTransaction masterTransaction;

    RoutedEntityManager(RequestEntityManagers requestEntityManagers, ReplicaStatus monitor) {
        this.requestEntityManagers = requestEntityManagers;
        this.monitor = monitor;
        readResolve();
    }

    private Object readResolve() {
        masterTransaction = RequestEntityManagers.masterTransaction(requestEntityManagers);
        return this;
    }

    private RouteHealth health() {
        RouteHealth flags = health;
        return flags != null ? flags : (health = monitor.health());
    }

    /** The entity managers of the unit of work running on this thread. */
    private RouteEntityManagers managers(RouteContext context) {
        return RequestEntityManagers.of(context, requestEntityManagers);
    }

    /**
     * The route of the work running now. Read-only maintenance mode sends everything to
     * the slave; otherwise a transaction that has used the master keeps every statement
     * on the master until it ends, whatever frame asks for the slave (stickiness).
     */
    private Route route(RouteContext context) {
        try {
            return RouteRules.statement(context, health().readOnly(), masterTransaction);
        } catch (ContextNotActiveException e) {
            throw Messages.noUnitOfWork(e);
        }
    }

    /**
     * The entity manager that serves {@code route} now: slave-routed work goes to the
     * master while the slave cannot serve it (down, or lagging beyond
     * {@code db_chooser.max-lag}); master-routed work fails at once while the master
     * is down.
     */
    private EntityManager entityManager(RouteContext context, Route route) {
        RouteHealth flags = health();
        try {
            if (route == Route.SLAVE) {
                // read-only maintenance keeps even these on the slave; read-your-writes may not
                if (flags.readOnly() || flags.slaveServes() && !context.readFromMaster()) {
                    return managers(context).get(Route.SLAVE);
                }
            } else if (context != RouteContext.NONE) {
                context.masterUsed(true);
            }
            if (!flags.masterUp()) {
                throw Messages.masterUnavailable(route == Route.SLAVE
                        ? "a slave-routed read (the slave cannot serve it either)" : "master-routed work");
            }
            return managers(context).get(Route.MASTER);
        } catch (ContextNotActiveException e) {
            throw Messages.noUnitOfWork(e);
        }
    }

    /** Work that runs where it is routed; a failure is translated for that route. */
    private <T> T call(String operation, Function<EntityManager, T> call) {
        return run(operation, false, call);
    }

    /** A read from a server: on the slave route, run again on the master if the slave cannot be reached. */
    private <T> T read(String operation, Function<EntityManager, T> call) {
        return run(operation, true, call);
    }

    private <T> T run(String operation, boolean againOnMaster, Function<EntityManager, T> call) {
        RouteContext context = RouteContext.current();
        Route route = route(context);
        EntityManager em = entityManager(context, route);
        try {
            return call.apply(em);
        } catch (RuntimeException failure) {
            EntityManager master = againOnMaster && route == Route.SLAVE ? masterAfter(failure) : null;
            if (master == null) {
                throw failed(route, operation, failure);
            }
            return onMaster(operation, master, call);
        }
    }

    /** A write: refused on the slave route (or in read-only maintenance) before it reaches a server. */
    private <T> T write(String operation, Function<EntityManager, T> call) {
        return onMaster(operation, writable(operation), call);
    }

    private <T> T onMaster(String operation, EntityManager master, Function<EntityManager, T> call) {
        try {
            return call.apply(master);
        } catch (RuntimeException failure) {
            throw failed(Route.MASTER, operation, failure);
        }
    }

    /**
     * The failure the caller gets. On the master, an unreachable master is reported to
     * the monitor at once, so that the requests behind this one fail fast, and to the
     * caller as DBCHOOSER-310. On the slave, a write the slave rejected is explained
     * (DBCHOOSER-302). Anything else is the application's and passes unchanged.
     */
    @Override
    public RuntimeException failed(Route route, String operation, RuntimeException failure) {
        if (route == Route.SLAVE) {
            return SlaveWriteGuard.translate(failure, operation);
        }
        if (!ConnectionFailures.isConnectionFailure(failure)) {
            return failure;
        }
        monitor.masterFailed(failure);
        return Messages.masterLost(operation, failure);
    }

    /**
     * Where slave-routed work that found the slave unreachable runs again: the master,
     * when falling back is allowed, else nowhere (null: the failure stands).
     */
    @Override
    public EntityManager masterAfter(RuntimeException slaveFailure) {
        if (!ConnectionFailures.isConnectionFailure(slaveFailure) || health().readOnly()) {
            return null;
        }
        RouteContext context = RouteContext.current();
        RouteEntityManagers managers = managers(context);
        int standby = managers.standby();
        managers.standbyFailed();
        if (context.standby() >= 0) { // read-your-writes chose it: no other standby is known to have the client's writes
            context.standby(-1);
            context.readFromMaster(true);
        }
        if (!monitor.slaveFailed(standby, slaveFailure)) {
            return null;
        }
        // the master serving slave-routed reads: not "master used" for read-your-writes
        if (!health().masterUp()) {
            throw Messages.masterUnavailable("a slave-routed read (the slave cannot serve it either)");
        }
        return managers.get(Route.MASTER);
    }

    /** Read-only maintenance refuses every write (DBCHOOSER-311); otherwise the slave route does (DBCHOOSER-301). */
    @Override
    public RuntimeException writeRefused(String operation) {
        return health().readOnly() ? Messages.maintenanceWriteRefused(operation, SlaveWriteGuard.caller())
                : SlaveWriteGuard.refused(operation);
    }

    /** The master's entity manager, or a refusal naming the operation when the route is the slave. */
    private EntityManager writable(String operation) {
        RouteContext context = RouteContext.current();
        if (route(context) == Route.SLAVE) {
            throw writeRefused(operation);
        }
        return entityManager(context, Route.MASTER);
    }

    private static String operation(String method, Object entity) {
        return method + "(" + (entity == null ? "null" : entity.getClass().getSimpleName()) + ")";
    }

    private void refuseWriteLock(LockModeType mode, String operation) {
        if (SlaveWriteGuard.isWriteLock(mode) && route(RouteContext.current()) == Route.SLAVE) {
            throw writeRefused(operation + " with lock " + mode);
        }
    }

    /** Jakarta Persistence 3.2 passes a lock mode among the options of find and refresh. */
    private void refuseWriteLock(Object[] options, String operation) {
        for (Object option : options) {
            if (option instanceof LockModeType mode) {
                refuseWriteLock(mode, operation);
            }
        }
    }

    /** A query of the current route, as a delegate that applies the route's rules to every call. */
    private <Q extends Query> Q query(String operation, Function<EntityManager, Q> create, QueryFactory<Q> routed) {
        return routed(operation, (em, route) -> routed.create(create.apply(em), route, this, route == Route.SLAVE ? create : null));
    }

    /** Work that needs to know its route, to hand back an object that follows that route's rules. */
    private interface RoutedWork<T> {
        T apply(EntityManager em, Route route);
    }

    /** Like {@link #call}, for work that hands back an object bound to the route (a query, the transaction). */
    private <T> T routed(String operation, RoutedWork<T> work) {
        RouteContext context = RouteContext.current();
        Route route = route(context);
        EntityManager em = entityManager(context, route);
        try {
            return work.apply(em, route);
        } catch (RuntimeException failure) {
            throw failed(route, operation, failure);
        }
    }

    /** The constructor of a routed query. */
    private interface QueryFactory<Q extends Query> {
        Q create(Q query, Route route, RoutedQuery.Owner owner, Function<EntityManager, Q> recreate);
    }

    private <T> TypedQuery<T> typed(String operation, Function<EntityManager, TypedQuery<T>> create) {
        return query(operation, create, RoutedTypedQuery<T>::new);
    }

    private Query untyped(String operation, Function<EntityManager, Query> create) {
        return query(operation, create, RoutedQuery<Query>::new);
    }

    private StoredProcedureQuery procedure(String operation, Function<EntityManager, StoredProcedureQuery> create) {
        return query(operation, create, RoutedStoredProcedureQuery::new);
    }

    /** A write query: created on the master, refused on the slave route. */
    private Query writeQuery(String operation, Function<EntityManager, Query> create) {
        return new RoutedQuery<>(write(operation, create), Route.MASTER, this, null);
    }

    @Override
    public void persist(Object entity) {
        String operation = operation("EntityManager.persist", entity);
        write(operation, em -> {
            em.persist(entity);
            return null;
        });
    }

    @Override
    public <T> T merge(T entity) {
        return write(operation("EntityManager.merge", entity), em -> em.merge(entity));
    }

    @Override
    public void remove(Object entity) {
        write(operation("EntityManager.remove", entity), em -> {
            em.remove(entity);
            return null;
        });
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey) {
        return read("EntityManager.find()", em -> em.find(entityClass, primaryKey));
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, Map<String, Object> properties) {
        return read("EntityManager.find()", em -> em.find(entityClass, primaryKey, properties));
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, LockModeType lockMode) {
        refuseWriteLock(lockMode, "EntityManager.find(" + entityClass.getSimpleName() + ")");
        return read("EntityManager.find()", em -> em.find(entityClass, primaryKey, lockMode));
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, LockModeType lockMode, Map<String, Object> properties) {
        refuseWriteLock(lockMode, "EntityManager.find(" + entityClass.getSimpleName() + ")");
        return read("EntityManager.find()", em -> em.find(entityClass, primaryKey, lockMode, properties));
    }

    @Override
    public <T> T getReference(Class<T> entityClass, Object primaryKey) {
        return read("EntityManager.getReference()", em -> em.getReference(entityClass, primaryKey));
    }

    @Override
    public void flush() {
        call("EntityManager.flush()", em -> {
            em.flush();
            return null;
        });
    }

    @Override
    public void setFlushMode(FlushModeType flushMode) {
        call("EntityManager.setFlushMode()", em -> {
            em.setFlushMode(flushMode);
            return null;
        });
    }

    @Override
    public FlushModeType getFlushMode() {
        return call("EntityManager.getFlushMode()", EntityManager::getFlushMode);
    }

    @Override
    public void lock(Object entity, LockModeType lockMode) {
        refuseWriteLock(lockMode, operation("EntityManager.lock", entity));
        call("EntityManager.lock()", em -> {
            em.lock(entity, lockMode);
            return null;
        });
    }

    @Override
    public void lock(Object entity, LockModeType lockMode, Map<String, Object> properties) {
        refuseWriteLock(lockMode, operation("EntityManager.lock", entity));
        call("EntityManager.lock()", em -> {
            em.lock(entity, lockMode, properties);
            return null;
        });
    }

    @Override
    public void refresh(Object entity) {
        call("EntityManager.refresh()", em -> {
            em.refresh(entity);
            return null;
        });
    }

    @Override
    public void refresh(Object entity, Map<String, Object> properties) {
        call("EntityManager.refresh()", em -> {
            em.refresh(entity, properties);
            return null;
        });
    }

    @Override
    public void refresh(Object entity, LockModeType lockMode) {
        refuseWriteLock(lockMode, operation("EntityManager.refresh", entity));
        call("EntityManager.refresh()", em -> {
            em.refresh(entity, lockMode);
            return null;
        });
    }

    @Override
    public void refresh(Object entity, LockModeType lockMode, Map<String, Object> properties) {
        refuseWriteLock(lockMode, operation("EntityManager.refresh", entity));
        call("EntityManager.refresh()", em -> {
            em.refresh(entity, lockMode, properties);
            return null;
        });
    }

    @Override
    public void clear() {
        call("EntityManager.clear()", em -> {
            em.clear();
            return null;
        });
    }

    @Override
    public void detach(Object entity) {
        call("EntityManager.detach()", em -> {
            em.detach(entity);
            return null;
        });
    }

    @Override
    public boolean contains(Object entity) {
        return call("EntityManager.contains()", em -> em.contains(entity));
    }

    @Override
    public LockModeType getLockMode(Object entity) {
        return call("EntityManager.getLockMode()", em -> em.getLockMode(entity));
    }

    @Override
    public void setProperty(String propertyName, Object value) {
        call("EntityManager.setProperty()", em -> {
            em.setProperty(propertyName, value);
            return null;
        });
    }

    @Override
    public Map<String, Object> getProperties() {
        return call("EntityManager.getProperties()", EntityManager::getProperties);
    }

    @Override
    public Query createQuery(String qlString) {
        return untyped("EntityManager.createQuery()", em -> em.createQuery(qlString));
    }

    @Override
    public <T> TypedQuery<T> createQuery(CriteriaQuery<T> criteriaQuery) {
        return typed("EntityManager.createQuery()", em -> em.createQuery(criteriaQuery));
    }

    @Override
    public Query createQuery(CriteriaUpdate<?> updateQuery) {
        return writeQuery("EntityManager.createQuery(CriteriaUpdate)", em -> em.createQuery(updateQuery));
    }

    @Override
    public Query createQuery(CriteriaDelete<?> deleteQuery) {
        return writeQuery("EntityManager.createQuery(CriteriaDelete)", em -> em.createQuery(deleteQuery));
    }

    @Override
    public <T> TypedQuery<T> createQuery(String qlString, Class<T> resultClass) {
        return typed("EntityManager.createQuery()", em -> em.createQuery(qlString, resultClass));
    }

    @Override
    public Query createNamedQuery(String name) {
        return untyped("EntityManager.createNamedQuery()", em -> em.createNamedQuery(name));
    }

    @Override
    public <T> TypedQuery<T> createNamedQuery(String name, Class<T> resultClass) {
        return typed("EntityManager.createNamedQuery()", em -> em.createNamedQuery(name, resultClass));
    }

    @Override
    public Query createNativeQuery(String sqlString) {
        return untyped("EntityManager.createNativeQuery()", em -> em.createNativeQuery(sqlString));
    }

    @Override
    public <T> Query createNativeQuery(String sqlString, Class<T> resultClass) {
        return untyped("EntityManager.createNativeQuery()", em -> em.createNativeQuery(sqlString, resultClass));
    }

    @Override
    public Query createNativeQuery(String sqlString, String resultSetMapping) {
        return untyped("EntityManager.createNativeQuery()", em -> em.createNativeQuery(sqlString, resultSetMapping));
    }

    @Override
    public StoredProcedureQuery createNamedStoredProcedureQuery(String name) {
        return procedure("EntityManager.createNamedStoredProcedureQuery()", em -> em.createNamedStoredProcedureQuery(name));
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName) {
        return procedure("EntityManager.createStoredProcedureQuery()", em -> em.createStoredProcedureQuery(procedureName));
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName, Class<?>... resultClasses) {
        return procedure("EntityManager.createStoredProcedureQuery()",
                em -> em.createStoredProcedureQuery(procedureName, resultClasses));
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName, String... resultSetMappings) {
        return procedure("EntityManager.createStoredProcedureQuery()",
                em -> em.createStoredProcedureQuery(procedureName, resultSetMappings));
    }

    @Override
    public void joinTransaction() {
        call("EntityManager.joinTransaction()", em -> {
            em.joinTransaction();
            return null;
        });
    }

    @Override
    public boolean isJoinedToTransaction() {
        return call("EntityManager.isJoinedToTransaction()", EntityManager::isJoinedToTransaction);
    }

    // --- Jakarta Persistence 3.2: the rules of the 3.1 methods they extend

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, FindOption... options) {
        refuseWriteLock(options, "EntityManager.find(" + entityClass.getSimpleName() + ")");
        return read("EntityManager.find()", em -> em.find(entityClass, primaryKey, options));
    }

    @Override
    public <T> T find(EntityGraph<T> entityGraph, Object primaryKey, FindOption... options) {
        refuseWriteLock(options, "EntityManager.find(" + entityGraph.getName() + ")");
        return read("EntityManager.find()", em -> em.find(entityGraph, primaryKey, options));
    }

    @Override
    public <T> T getReference(T entity) {
        return read("EntityManager.getReference()", em -> em.getReference(entity));
    }

    @Override
    public void lock(Object entity, LockModeType lockMode, LockOption... options) {
        refuseWriteLock(lockMode, operation("EntityManager.lock", entity));
        call("EntityManager.lock()", em -> {
            em.lock(entity, lockMode, options);
            return null;
        });
    }

    @Override
    public void refresh(Object entity, RefreshOption... options) {
        refuseWriteLock(options, operation("EntityManager.refresh", entity));
        call("EntityManager.refresh()", em -> {
            em.refresh(entity, options);
            return null;
        });
    }

    @Override
    public void setCacheRetrieveMode(CacheRetrieveMode cacheRetrieveMode) {
        call("EntityManager.setCacheRetrieveMode()", em -> {
            em.setCacheRetrieveMode(cacheRetrieveMode);
            return null;
        });
    }

    @Override
    public void setCacheStoreMode(CacheStoreMode cacheStoreMode) {
        call("EntityManager.setCacheStoreMode()", em -> {
            em.setCacheStoreMode(cacheStoreMode);
            return null;
        });
    }

    @Override
    public CacheRetrieveMode getCacheRetrieveMode() {
        return call("EntityManager.getCacheRetrieveMode()", EntityManager::getCacheRetrieveMode);
    }

    @Override
    public CacheStoreMode getCacheStoreMode() {
        return call("EntityManager.getCacheStoreMode()", EntityManager::getCacheStoreMode);
    }

    @Override
    public <T> TypedQuery<T> createQuery(CriteriaSelect<T> selectQuery) {
        return typed("EntityManager.createQuery(CriteriaSelect)", em -> em.createQuery(selectQuery));
    }

    @Override
    public <T> TypedQuery<T> createQuery(TypedQueryReference<T> reference) {
        return typed("EntityManager.createQuery(" + reference.getName() + ")", em -> em.createQuery(reference));
    }

    /**
     * The JDBC connection of the current route: in {@code @ReadOnly} code the slave's,
     * whose read-only session refuses a write (DBCHOOSER-302 says so); in
     * {@code @Master} code the master's.
     */
    @Override
    public <C> void runWithConnection(ConnectionConsumer<C> action) {
        call("EntityManager.runWithConnection()", em -> {
            em.runWithConnection(action);
            return null;
        });
    }

    @Override
    public <C, T> T callWithConnection(ConnectionFunction<C, T> function) {
        return call("EntityManager.callWithConnection()", em -> em.callWithConnection(function));
    }

    /**
     * The provider's own entity manager or session of the current route (or this one, for
     * the interfaces it implements): applications unwrap for the provider's features.
     */
    @Override
    public <T> T unwrap(Class<T> cls) {
        return cls.isInstance(this) ? cls.cast(this) : call("EntityManager.unwrap()", em -> em.unwrap(cls));
    }

    @Override
    public Object getDelegate() {
        return call("EntityManager.getDelegate()", EntityManager::getDelegate);
    }

    /** Like a container-managed entity manager, this one is closed by its owner, not by the application. */
    @Override
    public void close() {
        throw new IllegalStateException(Messages.closeRefused());
    }

    @Override
    public boolean isOpen() {
        return call("EntityManager.isOpen()", EntityManager::isOpen);
    }

    /** The route's resource-local transaction, whose failures are translated like every other call's. */
    @Override
    public EntityTransaction getTransaction() {
        return routed("EntityManager.getTransaction()", (em, route) -> new RoutedTransaction(em.getTransaction(), route, this));
    }

    @Override
    public EntityManagerFactory getEntityManagerFactory() {
        return call("EntityManager.getEntityManagerFactory()", EntityManager::getEntityManagerFactory);
    }

    @Override
    public CriteriaBuilder getCriteriaBuilder() {
        return call("EntityManager.getCriteriaBuilder()", EntityManager::getCriteriaBuilder);
    }

    @Override
    public Metamodel getMetamodel() {
        return call("EntityManager.getMetamodel()", EntityManager::getMetamodel);
    }

    @Override
    public <T> EntityGraph<T> createEntityGraph(Class<T> rootType) {
        return call("EntityManager.createEntityGraph()", em -> em.createEntityGraph(rootType));
    }

    @Override
    public EntityGraph<?> createEntityGraph(String graphName) {
        return call("EntityManager.createEntityGraph()", em -> em.createEntityGraph(graphName));
    }

    @Override
    public EntityGraph<?> getEntityGraph(String graphName) {
        return call("EntityManager.getEntityGraph()", em -> em.getEntityGraph(graphName));
    }

    @Override
    public <T> List<EntityGraph<? super T>> getEntityGraphs(Class<T> entityClass) {
        return call("EntityManager.getEntityGraphs()", em -> em.getEntityGraphs(entityClass));
    }
}
