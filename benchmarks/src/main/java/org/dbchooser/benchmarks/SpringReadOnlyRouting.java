package org.dbchooser.benchmarks;

import java.util.function.Function;

import com.zaxxer.hikari.HikariDataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * (e) Spring's {@link LazyConnectionDataSourceProxy} over the master's pool, with the
 * standby's pool as its read-only data source, used as a Spring (Boot) JPA application
 * uses it: a {@link LocalContainerEntityManagerFactoryBean} with Hibernate, a
 * {@link JpaTransactionManager}, the shared EntityManager Spring injects, and a
 * transaction per unit of work, read-only for reads. A read-only transaction marks the
 * connection read-only before its first statement, and only then does the proxy fetch
 * a real connection, from the standby. Reads outside a read-only transaction would go
 * to the master, so every read pays a transaction (BEGIN and COMMIT on the standby).
 * {@link TransactionTemplate} does what {@code @Transactional(readOnly = true)} does,
 * without an AOP proxy.
 */
final class SpringReadOnlyRouting implements UnitsOfWork, AutoCloseable {

    private final HikariDataSource master;
    private final HikariDataSource standby;
    private final EntityManagerFactory unit;
    private final EntityManager em;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate readWrite;

    SpringReadOnlyRouting(Servers servers, int poolSize) {
        master = Pools.hikari("spring-master", servers.url(servers.masterPort()), poolSize);
        standby = Pools.hikari("spring-standby", servers.url(servers.standbyPort()), poolSize);
        LazyConnectionDataSourceProxy routing = new LazyConnectionDataSourceProxy(master);
        routing.setReadOnlyDataSource(standby);
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setPersistenceUnitName(Pools.PEER_UNIT);
        factory.setDataSource(routing);
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        factory.afterPropertiesSet();
        unit = factory.getObject();
        em = SharedEntityManagerCreator.createSharedEntityManager(unit);
        JpaTransactionManager transactions = new JpaTransactionManager(unit);
        readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readWrite = new TransactionTemplate(transactions);
    }

    @Override
    public <T> T read(Function<EntityManager, T> query) {
        return readOnly.execute(status -> query.apply(em));
    }

    @Override
    public <T> T write(Function<EntityManager, T> update) {
        return readWrite.execute(status -> update.apply(em));
    }

    @Override
    public void close() {
        unit.close();
        master.close();
        standby.close();
    }
}
