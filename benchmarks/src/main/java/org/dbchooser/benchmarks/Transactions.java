package org.dbchooser.benchmarks;

import java.util.function.Function;

import jakarta.persistence.EntityManager;

/** A resource-local transaction around work, as a plain JPA user writes it. */
final class Transactions {

    private Transactions() {
    }

    static <T> T inTransaction(EntityManager em, Function<EntityManager, T> work) {
        em.getTransaction().begin();
        try {
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
        }
    }
}
