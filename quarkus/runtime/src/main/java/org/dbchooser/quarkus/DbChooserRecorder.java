package org.dbchooser.quarkus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.dbchooser.impl.ConfigKeys;
import org.dbchooser.impl.Messages;
import org.dbchooser.impl.config.DbChooserConfig;
import org.dbchooser.impl.config.DeploymentState;
import org.dbchooser.impl.config.PersistenceUnits;
import org.dbchooser.impl.routing.MethodRoutes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.annotations.Recorder;

/**
 * What a Quarkus application checks when it starts, with what its build found: reads
 * and validates the {@code db_chooser.*} keys, checks the persistence units they name
 * against those Quarkus made, resolves the routes of the annotated beans, and stops
 * the start with every problem found, each with its code; else hands over the
 * {@link DeploymentState} every dbchooser bean is given, as the CDI extension does
 * elsewhere.
 */
@Recorder
public class DbChooserRecorder {

    /**
     * @param routedBeanClasses the classes whose annotations name a route, as the build found them; those
     *                          that are beans (ArC removes the beans nothing uses) are resolved
     * @param unitDataSources   each persistence unit Quarkus made, with the name of its data source
     *                          ({@code <default>} for the default one)
     */
    public Supplier<DeploymentState> deploymentState(List<String> routedBeanClasses, Map<String, String> unitDataSources) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Config source = ConfigProvider.getConfig(loader);
        List<String> problems = new ArrayList<>();
        DbChooserConfig config = DbChooserConfig.read(source, problems);
        Map<String, Boolean> units = new LinkedHashMap<>();
        unitDataSources.forEach((unit, dataSource) -> units.put(unit, joinsTransactions(source, dataSource)));
        PersistenceUnits.check(config, units, "application.properties (quarkus.hibernate-orm.\"<unit>\".*)",
                standby -> Messages.slaveDataSourceJoinsTransactions(ConfigKeys.SLAVE_UNIT, standby,
                        transactionsKey(unitDataSources.get(standby)), transactions(source, unitDataSources.get(standby))),
                problems);
        // the beans ArC kept, as the other containers report each bean they manage
        Set<Class<?>> beanClasses = Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .map(Bean::getBeanClass).collect(Collectors.toSet());
        MethodRoutes methodRoutes = new MethodRoutes();
        for (String name : routedBeanClasses) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("dbchooser: the build found " + name + ", which the application cannot load", e);
            }
            if (beanClasses.contains(type)) {
                ReflectedRoutes.register(type, methodRoutes, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new DeploymentException("dbchooser found " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
        DeploymentState state = DeploymentState.of(config, methodRoutes);
        return () -> state;
    }

    /** Whether the connections of {@code dataSource} join JTA transactions: unless its {@code jdbc.transactions} is {@code disabled}. */
    private static boolean joinsTransactions(Config source, String dataSource) {
        return !"disabled".equalsIgnoreCase(transactions(source, dataSource));
    }

    private static String transactions(Config source, String dataSource) {
        return source.getOptionalValue(transactionsKey(dataSource), String.class).orElse("enabled");
    }

    private static String transactionsKey(String dataSource) {
        return "<default>".equals(dataSource) ? "quarkus.datasource.jdbc.transactions"
                : "quarkus.datasource.\"" + dataSource + "\".jdbc.transactions";
    }
}
