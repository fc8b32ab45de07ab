package org.dbchooser.impl.jpa;

import java.util.function.Consumer;

import jakarta.persistence.EntityTransaction;

import org.dbchooser.Route;

/**
 * The resource-local transaction of the routed {@code EntityManager}: a plain delegate
 * whose failures are translated like every other call's ({@link RoutedQuery.Owner#failed}):
 * on the slave, a commit that flushed a change the slave rejected is explained
 * (DBCHOOSER-302); on the master, a begin or commit that finds the master gone answers
 * DBCHOOSER-310 and tells the monitor.
 */
final class RoutedTransaction implements EntityTransaction {

    private final EntityTransaction transaction;
    private final Route route;
    private final RoutedQuery.Owner owner;

    RoutedTransaction(EntityTransaction transaction, Route route, RoutedQuery.Owner owner) {
        this.transaction = transaction;
        this.route = route;
        this.owner = owner;
    }

    private void run(String operation, Consumer<EntityTransaction> call) {
        try {
            call.accept(transaction);
        } catch (RuntimeException failure) {
            throw owner.failed(route, operation, failure);
        }
    }

    @Override
    public void begin() {
        run("EntityTransaction.begin()", EntityTransaction::begin);
    }

    @Override
    public void commit() {
        run("EntityTransaction.commit()", EntityTransaction::commit);
    }

    @Override
    public void rollback() {
        run("EntityTransaction.rollback()", EntityTransaction::rollback);
    }

    @Override
    public void setRollbackOnly() {
        transaction.setRollbackOnly();
    }

    @Override
    public boolean getRollbackOnly() {
        return transaction.getRollbackOnly();
    }

    @Override
    public boolean isActive() {
        return transaction.isActive();
    }

    @Override
    public void setTimeout(Integer timeout) {
        transaction.setTimeout(timeout);
    }

    @Override
    public Integer getTimeout() {
        return transaction.getTimeout();
    }
}
