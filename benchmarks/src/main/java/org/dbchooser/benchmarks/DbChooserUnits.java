package org.dbchooser.benchmarks;

import java.util.function.Function;

import com.zaxxer.hikari.HikariDataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
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
 *
 * <p>The same container also gives the floor under them (f1, f2): the units chosen by
 * hand, as in (a), but each call made to a bean method that carries
 * {@code @ActivateRequestContext}, called the same two ways. That is what the container
 * charges any router that works by annotating bean methods and gives a call outside a
 * request context one of its own, as dbchooser's outermost frame does: the interception,
 * and the request context activated and ended. The rest of what (b) costs over (f) is
 * dbchooser's own.
 */
final class DbChooserUnits implements AutoCloseable {

    private final HikariDataSource master;
    private final HikariDataSource standby;
    private final WeldContainer container;
    private final RoutedWork work;
    /** The floor's units, when this JVM runs the floor. */
    private HibernateUnits floorUnits;

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

    /**
     * (f) The floor: the work of (a), on units chosen by hand, in a bean method the
     * container intercepts with its own interceptor, which activates a request context
     * where none is active.
     */
    @ApplicationScoped
    public static class ByHandWork {

        @ActivateRequestContext
        public <T> T read(UnitsOfWork byHand, Function<EntityManager, T> query) {
            return byHand.read(query);
        }

        @ActivateRequestContext
        public <T> T write(UnitsOfWork byHand, Function<EntityManager, T> update) {
            return byHand.write(update);
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
        return new RoutedCalls(false);
    }

    /** (b2) Called inside a request context the client activates around each call, untimed. */
    UnitsOfWork insideRequests() {
        return new RoutedCalls(true);
    }

    /**
     * (f1 with {@code inRequest} false, f2 with it true) The floor, on units of its own
     * over the same pools, closed with this.
     */
    UnitsOfWork floor(boolean inRequest) {
        HibernateUnits byHand = HibernateUnits.over(standby, master);
        floorUnits = byHand;
        ByHandWork floorWork = container.select(ByHandWork.class).get();
        return new Calls(inRequest) {
            @Override
            public <T> T read(Function<EntityManager, T> query) {
                return floorWork.read(byHand, query);
            }

            @Override
            public <T> T write(Function<EntityManager, T> update) {
                return floorWork.write(byHand, update);
            }
        };
    }

    private final class RoutedCalls extends Calls {

        RoutedCalls(boolean inRequest) {
            super(inRequest);
        }

        @Override
        public <T> T read(Function<EntityManager, T> query) {
            return work.read(query);
        }

        @Override
        public <T> T write(Function<EntityManager, T> update) {
            return work.write(update);
        }
    }

    /** Calls made from a thread with no request context, or inside one opened around each. */
    private abstract class Calls implements UnitsOfWork {
        private final boolean inRequest;

        Calls(boolean inRequest) {
            this.inRequest = inRequest;
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
        if (floorUnits != null) {
            floorUnits.close(); // its entity manager factories only: the pools are closed below
        }
        container.close();
        master.close();
        standby.close();
    }
}
