package org.dbchooser.benchmarks;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Pgpool-II's own count of the SELECTs it sent to each backend ({@code SHOW POOL_NODES}):
 * the proof, beside {@link RouteCheck}, that the measured reads went to the standby.
 */
final class PgpoolNodes {

    private PgpoolNodes() {
    }

    static void print(Servers servers) throws SQLException {
        // pgpool answers its SHOW commands in the simple query protocol only
        String url = servers.url(servers.pgpoolPort()) + "?preferQueryMode=simple";
        try (var pgpool = DriverManager.getConnection(url, Servers.USER, Servers.PASSWORD);
                var statement = pgpool.createStatement();
                var nodes = statement.executeQuery("show pool_nodes")) {
            while (nodes.next()) {
                System.out.printf("pgpool node %s: port %s, %s, lb_weight %s, select_cnt %s%n", nodes.getString("node_id"),
                        nodes.getString("port"), nodes.getString("role"), nodes.getString("lb_weight"),
                        nodes.getString("select_cnt"));
            }
        }
    }
}
