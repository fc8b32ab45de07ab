package org.dbchooser.benchmarks;

import java.util.function.Function;

import com.zaxxer.hikari.HikariDataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.dbchooser.Master;
import org.dbchooser.ReadOnly;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * (b) dbchooser in plain CDI (Weld SE), wired as its users wire it: persistence units
 * named {@code master} and {@code slave}, reads in a {@code @ReadOnly} method, writes in
 * a {@code @Master} method with a resource-local transaction, through the injected
 * EntityManager. Called two ways: from a thread with no request context, so that each
 * call opens one (b1), and inside a request context the client opens around each call,
 * as the servlet container does for every web request (b2).
 */
final class DbChooserUnits implements AutoCloseable {

    private final HikariDataSource master;
    private final HikariDataSource standby;
    private final WeldContainer container;
    private final RoutedWork work;

    /** The bean an application would write; the work comes from the caller, so it is the other peers' work. */
    @ApplicationScoped
    public static class RoutedWork {
        @Inject
        EntityManager em;

        @ReadOnly
        public <T> T read(Function<EntityManager, T> query) {
            return query.apply(em);
        }

        @Master
        public <T> T write(Function<EntityManager, T> update) {
            return Transactions.inTransaction(em, update);
        }
    }

    DbChooserUnits(Servers servers, int poolSize) {
        master = Pools.hikari("dbchooser-master", servers.url(servers.masterPort()), poolSize);
        standby = Pools.hikari("dbchooser-slave", servers.url(servers.standbyPort()), poolSize);
        RegisteredDataSources.register("master", master);
        RegisteredDataSources.register("standby", standby);
        container = new Weld("end-to-end").initialize();
        work = container.select(RoutedWork.class).get();
    }

    /** (b1) Called from a thread with no request context: each call opens and ends one. */
    UnitsOfWork outsideRequests() {
        return new Calls(false);
    }

    /** (b2) Called inside a request context the client activates around each call, untimed. */
    UnitsOfWork insideRequests() {
        return new Calls(true);
    }

    private final class Calls implements UnitsOfWork {
        private final boolean inRequest;

        Calls(boolean inRequest) {
            this.inRequest = inRequest;
        }

        @Override
        public <T> T read(Function<EntityManager, T> query) {
            return work.read(query);
        }

        @Override
        public <T> T write(Function<EntityManager, T> update) {
            return work.write(update);
        }

        @Override
        public AroundEachCall aroundEachCall() {
            if (!inRequest) {
                return AroundEachCall.NOTHING;
            }
            RequestContextController requestContext = container.select(RequestContextController.class).get();
            return new AroundEachCall() {
                @Override
                public void before() {
                    requestContext.activate();
                }

                @Override
                public void after() {
                    requestContext.deactivate();
                }
            };
        }
    }

    @Override
    public void close() {
        container.close();
        master.close();
        standby.close();
    }
}
