package org.dbchooser.benchmarks;

import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.hibernate.cfg.AvailableSettings;

/**
 * The one connection pool and the one Hibernate unit every peer is built from, so that
 * peers differ only in how they route: HikariCP with as many connections as client
 * threads, all opened up front, and the {@code peer} unit of the benchmark's
 * persistence.xml with Hibernate's defaults.
 */
final class Pools {

    /** The unit of persistence.xml every peer but dbchooser opens with a data source of its own. */
    static final String PEER_UNIT = "peer";

    private Pools() {
    }

    static HikariDataSource hikari(String name, String jdbcUrl, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(Servers.USER);
        config.setPassword(Servers.PASSWORD);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        return new HikariDataSource(config);
    }

    static EntityManagerFactory hibernate(DataSource dataSource) {
        return Persistence.createEntityManagerFactory(PEER_UNIT,
                Map.of(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource));
    }
}
