package org.dbchooser.itests;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.junit.jupiter.api.Test;
import org.dbchooser.itests.databases.Server;

/**
 * unwrap hands back the provider's own objects, which talk to the server of the route
 * they were unwrapped on: applications unwrap for what Jakarta Persistence lacks.
 */
class UnwrapIT extends AgainstMasterAndStandby {

    @Test
    void aQueryUnwrapsToHibernatesNativeQueryOnBothRoutes() {
        RoutedCalls.Unwrapped onSlave = readOnly.unwrappedQuery(NativeQuery.class);
        assertThat(onSlave.type()).isAssignableTo(NativeQuery.class);
        assertThat(onSlave.server().isStandby()).as("%s", onSlave.server()).isTrue();
        RoutedCalls.Unwrapped onMaster = master.unwrappedQuery(NativeQuery.class);
        assertThat(onMaster.type()).isAssignableTo(NativeQuery.class);
        assertThat(onMaster.server().isMaster()).as("%s", onMaster.server()).isTrue();
    }

    @Test
    void theEntityManagerUnwrapsToTheSessionOfEachRoute() throws Exception {
        Server[] servers = readOnly.call(() -> new Server[] {
            serverOf(readOnly.unwrapEntityManager(Session.class)), serverOf(master.unwrapEntityManager(Session.class))});
        assertThat(servers[0].isStandby()).as("the @ReadOnly work's session: %s", servers[0]).isTrue();
        assertThat(servers[1].isMaster()).as("the @Master work's session: %s", servers[1]).isTrue();
    }

    private static Server serverOf(Session session) {
        return session.doReturningWork(connection -> {
            try (var statement = connection.createStatement(); var result = statement.executeQuery(Server.QUERY)) {
                result.next();
                return new Server(result.getInt(1), result.getBoolean(2));
            }
        });
    }
}
