package org.dbchooser.impl.cdi;

import org.dbchooser.impl.ConfigKeys;
import org.dbchooser.impl.Messages;
import org.dbchooser.impl.config.DbChooserConfig;
import org.dbchooser.impl.config.DeploymentState;
import org.dbchooser.impl.config.PersistenceUnits;
import org.dbchooser.impl.http.ReadYourWrites;
import org.dbchooser.impl.jpa.ContainerEntityManagers;
import org.dbchooser.impl.jpa.ContainerStandbyUnit;
import org.dbchooser.impl.jpa.ContainerUnits;
import org.dbchooser.impl.jpa.PersistenceLiterals;
import org.dbchooser.impl.jpa.RoutedEntityManagerProducer;
import org.dbchooser.impl.jpa.RequestEntityManagers;
import org.dbchooser.impl.jpa.SelfManagedUnits;
import org.dbchooser.impl.jpa.StandbyUnitName;
import org.dbchooser.impl.observability.ReplicaReadiness;
import org.dbchooser.impl.observability.RouteMetrics;
import org.dbchooser.impl.replicas.ReplicaMonitor;
import org.dbchooser.impl.routing.MethodRoutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Decorator;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.Interceptor;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.configurator.AnnotatedTypeConfigurator;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Everything dbchooser decides before the application runs: it registers dbchooser's
 * beans (so the library jar needs no beans.xml), resolves the route of every
 * {@code @ReadOnly} / {@code @Master} method, reads and validates the configuration,
 * and stops the deployment with every problem found, each with its code.
 */
public class DbChooserExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(DbChooserExtension.class.getName());

    private final MethodRoutes methodRoutes = new MethodRoutes();
    private final List<String> problems = new ArrayList<>();
    private DbChooserConfig config;
    private Map<String, Boolean> units;

    /**
     * Reads the configuration and the persistence units, and registers dbchooser's
     * beans: a JTA master unit means an application server, whose units the
     * container provides; a resource-local one means dbchooser opens both itself.
     */
    void registerBeans(@Observes BeforeBeanDiscovery event) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        config = DbChooserConfig.read(ConfigProvider.getConfig(loader), problems);
        units = PersistenceUnits.declared(loader, PersistenceUnits.onApplicationServer());
        for (Class<?> bean : List.of(ReadOnlyInterceptor.class, MasterInterceptor.class, RouteFrames.class,
                RoutingBean.class, RoutedEntityManagerProducer.class, RequestEntityManagers.class, ReplicaMonitor.class,
                MaintenanceBean.class)) {
            event.addAnnotatedType(bean, id(bean));
        }
        // read-your-writes travels with HTTP requests, and plain CDI may have no servlet API;
        // the readiness check needs MicroProfile Health, the metrics OpenTelemetry. Asked of the
        // loader of dbchooser's own classes, which must link against them: a server's context
        // loader during bean discovery may see other APIs than the application does
        ClassLoader ours = DbChooserExtension.class.getClassLoader();
        if (present("jakarta.servlet.http.HttpServletRequest", ours)) {
            event.addAnnotatedType(ReadYourWrites.class, id(ReadYourWrites.class));
        }
        if (present("org.eclipse.microprofile.health.HealthCheck", ours)) {
            event.addAnnotatedType(ReplicaReadiness.class, id(ReplicaReadiness.class));
        }
        if (present("io.opentelemetry.api.OpenTelemetry", ours)) {
            event.addAnnotatedType(RouteMetrics.class, id(RouteMetrics.class));
        }
        String masterUnit = config.masterUnit() == null ? ConfigKeys.DEFAULT_MASTER_UNIT : config.masterUnit();
        if (Boolean.TRUE.equals(units.get(masterUnit))) {
            AnnotatedTypeConfigurator<ContainerEntityManagers> container =
                    event.addAnnotatedType(ContainerEntityManagers.class, id(ContainerEntityManagers.class));
            container.filterFields(f -> f.isAnnotationPresent(PersistenceContext.class))
                    .forEach(f -> f.remove(a -> a instanceof PersistenceContext).add(PersistenceLiterals.context(masterUnit)));
            event.addAnnotatedType(ContainerUnits.class, id(ContainerUnits.class))
                    .filterFields(f -> f.isAnnotationPresent(PersistenceUnit.class))
                    .forEach(f -> f.remove(a -> a instanceof PersistenceUnit).add(PersistenceLiterals.unit(masterUnit)));
            // each standby's unit, injected by the container as an application's would be (where it can)
            for (String standby : config.slaveUnits()) {
                AnnotatedTypeConfigurator<ContainerStandbyUnit> unit =
                        event.addAnnotatedType(ContainerStandbyUnit.class, id(ContainerStandbyUnit.class) + "." + standby);
                unit.add(new StandbyUnitName.Literal(standby))
                        .filterFields(f -> f.getJavaMember().getType() == EntityManagerFactory.class)
                        .forEach(f -> f.add(PersistenceLiterals.unit(standby)));
            }
        } else {
            event.addAnnotatedType(SelfManagedUnits.class, id(SelfManagedUnits.class));
        }
    }

    private static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String id(Class<?> bean) {
        return "dbchooser." + bean.getSimpleName();
    }

    void resolveRoutes(@Observes ProcessManagedBean<?> event, BeanManager beanManager) {
        if (event.getBean() instanceof Interceptor || event.getBean() instanceof Decorator
                || !AnnotatedRoutes.mentionsRoutes(event.getAnnotatedBeanClass(), beanManager)) {
            return;
        }
        AnnotatedRoutes.register(event.getAnnotatedBeanClass(), beanManager, methodRoutes, problems);
    }

    void validate(@Observes AfterBeanDiscovery event) {
        PersistenceUnits.check(config, units, "META-INF/persistence.xml",
                standby -> Messages.jtaSlaveUnit(ConfigKeys.SLAVE_UNIT, standby), problems);
        for (String problem : problems) {
            event.addDefinitionError(new DefinitionException(problem));
        }
        // what deployment decided, as one bean for all of dbchooser's: no bean asks the extension
        // (registered when there are problems too, so that they are the only errors reported)
        DeploymentState state = DeploymentState.of(config, methodRoutes);
        event.addBean().types(DeploymentState.class, Object.class).scope(Singleton.class).createWith(context -> state);
        if (problems.isEmpty()) {
            LOG.fine(() -> "dbchooser: " + config.masterPatterns().size() + " master pattern(s), "
                    + config.slavePatterns().size() + " slave pattern(s), slave methods " + config.slaveMethods()
                    + ", units " + config.masterUnit() + "/" + String.join(",", config.slaveUnits())
                    + (Boolean.TRUE.equals(units.get(config.masterUnit())) ? " (the container's)" : " (opened by dbchooser)"));
        }
    }
}
