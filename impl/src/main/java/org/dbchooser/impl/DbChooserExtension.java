package org.dbchooser.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Decorator;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.Interceptor;
import jakarta.enterprise.inject.spi.ProcessManagedBean;

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
    private RequestRouter requestRouter;

    void registerBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        for (Class<?> bean : List.of(ReadOnlyInterceptor.class, MasterInterceptor.class, RouteFrames.class,
                RoutingBean.class, RoutedEntityManager.class, SelfManagedEntityManagers.class, SelfManagedUnits.class)) {
            event.addAnnotatedType(bean, "dbchooser." + bean.getSimpleName());
        }
    }

    void resolveRoutes(@Observes ProcessManagedBean<?> event, BeanManager beanManager) {
        if (event.getBean() instanceof Interceptor || event.getBean() instanceof Decorator
                || !MethodRoutes.mentionsRoutes(event.getAnnotatedBeanClass(), beanManager)) {
            return;
        }
        methodRoutes.register(event.getAnnotatedBeanClass(), beanManager, problems);
    }

    void validate(@Observes AfterBeanDiscovery event) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        config = DbChooserConfig.read(ConfigProvider.getConfig(loader), problems);
        List<String> units = PersistenceUnits.declared(loader);
        if (config.masterUnit() != null && !units.contains(config.masterUnit())) {
            problems.add(Messages.unknownUnit(ConfigKeys.MASTER_UNIT, config.masterUnit(), units));
        }
        if (config.slaveUnit() != null && !units.contains(config.slaveUnit())) {
            problems.add(Messages.unknownUnit(ConfigKeys.SLAVE_UNIT, config.slaveUnit(), units));
        }
        for (String problem : problems) {
            event.addDefinitionError(new DefinitionException(problem));
        }
        if (problems.isEmpty()) {
            requestRouter = new RequestRouter(config.masterPatterns(), config.slavePatterns(), config.slaveMethods());
            LOG.fine(() -> "dbchooser: " + config.masterPatterns().size() + " master pattern(s), "
                    + config.slavePatterns().size() + " slave pattern(s), slave methods " + config.slaveMethods()
                    + ", units " + config.masterUnit() + "/" + config.slaveUnit());
        }
    }

    MethodRoutes methodRoutes() {
        return methodRoutes;
    }

    DbChooserConfig config() {
        return config;
    }

    RequestRouter requestRouter() {
        return requestRouter;
    }
}
