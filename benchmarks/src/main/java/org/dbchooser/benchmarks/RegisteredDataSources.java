package org.dbchooser.benchmarks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.hibernate.engine.jdbc.connections.internal.DatasourceConnectionProviderImpl;

/**
 * Hibernate's connections for the units dbchooser opens itself ({@code master} and
 * {@code slave} of the benchmark's persistence.xml): dbchooser opens them by name,
 * without properties, so each names a data source the benchmark registered here before
 * starting CDI. The data sources are the same pools as every other peer's.
 */
public final class RegisteredDataSources extends DatasourceConnectionProviderImpl {

    private static final long serialVersionUID = 1L;
    /** The persistence unit property that names the unit's data source. */
    static final String NAME_PROPERTY = "benchmark.data-source";
    private static final Map<String, DataSource> REGISTERED = new ConcurrentHashMap<>();

    static void register(String name, DataSource dataSource) {
        REGISTERED.put(name, dataSource);
    }

    @Override
    public void configure(Map<String, Object> settings) {
        Object name = settings.get(NAME_PROPERTY);
        DataSource dataSource = REGISTERED.get(String.valueOf(name));
        if (dataSource == null) {
            throw new IllegalStateException("no data source registered as '" + name + "'");
        }
        setDataSource(dataSource);
        super.configure(settings);
    }
}
