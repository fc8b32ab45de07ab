package org.dbchooser.benchmarks;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.apache.shardingsphere.driver.api.ShardingSphereDataSourceFactory;
import org.apache.shardingsphere.infra.algorithm.core.config.AlgorithmConfiguration;
import org.apache.shardingsphere.readwritesplitting.config.ReadwriteSplittingRuleConfiguration;
import org.apache.shardingsphere.readwritesplitting.config.rule.ReadwriteSplittingDataSourceGroupRuleConfiguration;
import org.apache.shardingsphere.readwritesplitting.transaction.TransactionalReadQueryStrategy;
import org.apache.shardingsphere.single.config.SingleRuleConfiguration;

/**
 * (c) ShardingSphere-JDBC's read/write splitting as the data source of a Hibernate
 * unit: a group with the master as its primary and the standby as its only replica.
 * Writes go to the primary, reads outside transactions to the replica. Reads inside a
 * transaction go to the primary: ShardingSphere's default (DYNAMIC) sends them to any
 * data source, and so sent a read that followed a write in the same transaction to the
 * standby, which has not seen that write.
 */
final class ShardingSphereSplitting {

    private ShardingSphereSplitting() {
    }

    static HibernateUnits create(Servers servers, int poolSize) throws SQLException {
        HikariDataSource primary = Pools.hikari("sharding-primary", servers.url(servers.masterPort()), poolSize);
        HikariDataSource replica = Pools.hikari("sharding-replica", servers.url(servers.standbyPort()), poolSize);
        Map<String, DataSource> dataSources = new LinkedHashMap<>();
        dataSources.put("primary", primary);
        dataSources.put("replica", replica);
        ReadwriteSplittingRuleConfiguration splitting = new ReadwriteSplittingRuleConfiguration(
                List.of(new ReadwriteSplittingDataSourceGroupRuleConfiguration("primary_replica", "primary",
                        List.of("replica"), TransactionalReadQueryStrategy.PRIMARY, "round_robin")),
                Map.of("round_robin", new AlgorithmConfiguration("ROUND_ROBIN", new Properties())));
        // without a single-table rule that loads every table, ShardingSphere finds no
        // metadata for an unsharded table and refuses the statements on it
        SingleRuleConfiguration everyTable = new SingleRuleConfiguration(List.of("*.*.*"), null);
        DataSource router = ShardingSphereDataSourceFactory.createDataSource("dbchooser", null, dataSources,
                List.of(splitting, everyTable), new Properties());
        return HibernateUnits.overRouter(router, (AutoCloseable) router, primary, replica);
    }
}
