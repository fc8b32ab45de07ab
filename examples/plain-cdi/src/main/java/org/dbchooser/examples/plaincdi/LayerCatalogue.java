package org.dbchooser.examples.plaincdi;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.dbchooser.Master;
import org.dbchooser.ReadOnly;

/**
 * Reads from the slave, writes on the master. The class is @ReadOnly; the methods
 * that write say @Master. The EntityManager is dbchooser's: it is the master's or
 * the slave's depending on the method running.
 */
@ReadOnly
@ApplicationScoped
public class LayerCatalogue {

    @Inject
    EntityManager em;

    public List<String> names() {
        return em.createQuery("select l.name from Layer l order by l.id", String.class).getResultList();
    }

    @Master
    public long add(String name) {
        em.getTransaction().begin();
        try {
            Layer layer = new Layer(name);
            em.persist(layer);
            em.getTransaction().commit();
            return layer.getId();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
        }
    }

    @Master
    public void createTable() {
        em.getTransaction().begin();
        em.createNativeQuery("create table if not exists layer (id bigserial primary key, name text not null)")
                .executeUpdate();
        em.getTransaction().commit();
    }

    /** The server the reads of this class go to. */
    public ServedBy readServer() {
        return servedBy();
    }

    /** The server the writes of this class go to. */
    @Master
    public ServedBy writeServer() {
        return servedBy();
    }

    private ServedBy servedBy() {
        Object[] row = (Object[]) em.createNativeQuery("select inet_server_port(), pg_is_in_recovery()").getSingleResult();
        return new ServedBy(((Number) row[0]).intValue(), (Boolean) row[1]);
    }
}
