package org.dbchooser.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * Units of work on plain Hibernate: an entity manager opened on the reads' unit or on
 * the writes' unit, the work, closed. Without routing the two units are the standby's
 * and the master's, chosen by hand (peer a); behind a router that routes by itself
 * (ShardingSphere, Pgpool-II) they are one and the same.
 */
final class HibernateUnits implements UnitsOfWork, AutoCloseable {

    private final EntityManagerFactory reads;
    private final EntityManagerFactory writes;
    private final List<AutoCloseable> resources;

    private HibernateUnits(EntityManagerFactory reads, EntityManagerFactory writes, List<AutoCloseable> resources) {
        this.reads = reads;
        this.writes = writes;
        this.resources = resources;
    }

    /** (a) No routing: a unit on the standby for reads, a second unit on the master for writes. */
    static HibernateUnits byHand(Servers servers, int poolSize) {
        HikariDataSource standby = Pools.hikari("plain-standby", servers.url(servers.standbyPort()), poolSize);
        HikariDataSource master = Pools.hikari("plain-master", servers.url(servers.masterPort()), poolSize);
        HibernateUnits units = over(standby, master);
        units.resources.addAll(List.of(standby, master));
        return units;
    }

    /** Units on the standby's pool for reads and on the master's for writes; closing them leaves the pools open. */
    static HibernateUnits over(DataSource standby, DataSource master) {
        EntityManagerFactory reads = Pools.hibernate(standby);
        EntityManagerFactory writes = Pools.hibernate(master);
        return new HibernateUnits(reads, writes, new ArrayList<>(List.of(reads::close, writes::close)));
    }

    /**
     * (d) Pgpool-II in front of the master and the standby (scripts/pgpool.sh): it sends
     * writes to the master and balances reads, by its configured weights, all to the standby.
     */
    static HibernateUnits throughPgpool(Servers servers, int poolSize) {
        HikariDataSource pgpool = Pools.hikari("pgpool", servers.url(servers.pgpoolPort()), poolSize);
        return overRouter(pgpool, pgpool);
    }

    /** One unit over a data source that routes each statement itself; {@code pools} are closed with it. */
    static HibernateUnits overRouter(DataSource router, AutoCloseable... pools) {
        EntityManagerFactory unit = Pools.hibernate(router);
        List<AutoCloseable> resources = new ArrayList<>(List.of(unit::close));
        resources.addAll(List.of(pools));
        return new HibernateUnits(unit, unit, resources);
    }

    @Override
    public <T> T read(Function<EntityManager, T> query) {
        EntityManager em = reads.createEntityManager();
        try {
            return query.apply(em);
        } finally {
            em.close();
        }
    }

    @Override
    public <T> T write(Function<EntityManager, T> update) {
        EntityManager em = writes.createEntityManager();
        try {
            return Transactions.inTransaction(em, update);
        } finally {
            em.close();
        }
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + resource + " failed", e);
            }
        }
    }
}
