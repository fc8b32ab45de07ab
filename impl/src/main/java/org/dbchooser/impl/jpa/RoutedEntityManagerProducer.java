package org.dbchooser.impl.jpa;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;

/**
 * Produces the {@code EntityManager} applications inject, the {@link RoutedEntityManager}.
 *
 * <p>A producer, not a bean class: the container reads every signature of a bean class,
 * and the routed entity manager's Jakarta Persistence 3.2 signatures would stop a 3.1
 * runtime from deploying. An alternative with a priority: Jakarta EE 11 containers offer
 * every persistence unit's own {@code @Default EntityManager} for injection too (Payara 7
 * registers one bean per unit), and an unqualified injection point must still get the
 * routed one (the units' beans stay reachable through the qualifiers their
 * {@code persistence.xml} gives them). An application alternative (a higher priority)
 * still wins over this one.
 */
@Alternative
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class RoutedEntityManagerProducer {

    @Produces
    @Dependent
    @Typed(EntityManager.class)
    EntityManager routedEntityManager(RequestEntityManagers requestEntityManagers, ReplicaStatus monitor) {
        return new RoutedEntityManager(requestEntityManagers, monitor);
    }
}
