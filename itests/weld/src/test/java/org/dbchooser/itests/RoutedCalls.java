package org.dbchooser.itests;

import java.util.concurrent.Callable;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.LockModeType;

import org.dbchooser.itests.databases.Item;
import org.dbchooser.itests.databases.Server;

/**
 * The work each test bean does, whatever route its annotations give it. Every
 * database answer comes from the server: {@link #server()} asks it who it is.
 */
public abstract class RoutedCalls {

    @Inject
    protected EntityManager em;

    public Server server() {
        Object[] row = (Object[]) em.createNativeQuery(Server.QUERY).getSingleResult();
        return Server.of(row);
    }

    /** Like {@link #server()}, holding the connection for {@code seconds} first. */
    public Server serverAfter(double seconds) {
        Object[] row = (Object[]) em.createNativeQuery(
                "select inet_server_port(), pg_is_in_recovery() from pg_sleep(" + seconds + ")").getSingleResult();
        return Server.of(row);
    }

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }

    /** Inserts an item in a transaction of its own; rolls back if anything fails. */
    public long insert(String name) {
        return inTransaction(() -> {
            Item item = new Item(name);
            em.persist(item);
            em.flush();
            return item.getId();
        });
    }

    /** Persists an item in the transaction already open and flushes it, without committing. */
    public void persistInCurrentTransaction(String name) {
        em.persist(new Item(name));
        em.flush();
    }

    /** Loads an item, changes it, and commits: a write that only shows at flush time. */
    public void rename(long id, String name) {
        inTransaction(() -> {
            em.find(Item.class, id).setName(name);
            return null;
        });
    }

    public int bulkRename(String from, String to) {
        return inTransaction(() -> em.createQuery("update Item i set i.name = :to where i.name = :from")
                .setParameter("from", from).setParameter("to", to).executeUpdate());
    }

    public Item lockForUpdate(long id) {
        return inTransaction(() -> em.find(Item.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Item find(long id) {
        return em.find(Item.class, id);
    }

    /** Whether {@code entity} belongs to the persistence context this call's route uses now. */
    public boolean manages(Object entity) {
        return em.contains(entity);
    }

    public long count(String name) {
        return em.createQuery("select count(i) from Item i where i.name = :name", Long.class)
                .setParameter("name", name).getSingleResult();
    }

    /** Begins a transaction of the current route's entity manager and leaves it open. */
    public void beginTransaction() {
        em.getTransaction().begin();
    }

    /** Commits the transaction of the current route's entity manager. */
    public void commitTransaction() {
        em.getTransaction().commit();
    }

    /**
     * Unwraps a native query to the provider's own type and runs that object itself:
     * the server it reached, and the type it was.
     */
    public <Q> Unwrapped unwrappedQuery(Class<Q> providerType) {
        Q query = em.createNativeQuery(Server.QUERY).unwrap(providerType);
        Object[] row = (Object[]) ((jakarta.persistence.Query) query).getSingleResult();
        return new Unwrapped(Server.of(row), query.getClass());
    }

    /** What {@link #unwrappedQuery} reached, and the class of the object it ran. */
    public record Unwrapped(Server server, Class<?> type) {
    }

    /** The provider's own session (or whatever {@code type} names) behind the current route. */
    public <T> T unwrapEntityManager(Class<T> type) {
        return em.unwrap(type);
    }

    /** Loads the item, then refreshes it from the server. */
    public Item findAndRefresh(long id, Runnable between) {
        Item item = em.find(Item.class, id);
        between.run();
        em.refresh(item);
        return item;
    }

    /** Runs {@code work} inside a transaction of the current route's entity manager. */
    public <T> T inTransaction(Callable<T> work) {
        EntityTransaction transaction = em.getTransaction();
        transaction.begin();
        try {
            T result = work.call();
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        }
    }
}
