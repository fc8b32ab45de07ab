package org.dbchooser.itests.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.dbchooser.itests.databases.Server;

/**
 * Unwraps a native query and the entity manager of the caller's route to the
 * persistence provider's own types (Hibernate's on WildFly, EclipseLink's on Payara),
 * as an application does to reach what JPA does not offer. The names come from the
 * test, so the WAR compiles against neither provider.
 */
@ApplicationScoped
public class ProviderObjects {

    @Inject
    EntityManager em;

    /**
     * {@code "<port> standby|master <queryType> <sessionType>"} when both unwrap to
     * instances of the classes named; otherwise the piece that did not says what it got.
     * The unwrapped query is run itself, so the server named is the one the provider's
     * own object talks to.
     */
    public String report(String queryType, String sessionType) {
        Class<?> queryClass = load(queryType);
        Class<?> sessionClass = load(sessionType);
        Object query = em.createNativeQuery(Server.QUERY).unwrap(queryClass);
        if (!queryClass.isInstance(query)) {
            return "the query unwrapped to " + className(query) + " (not a " + queryType + ")";
        }
        String server = "the unwrapped " + className(query) + " is not a jakarta.persistence.Query";
        if (query instanceof Query jpa) {
            server = Server.of((Object[]) jpa.getSingleResult()).label();
        }
        Object session = em.unwrap(sessionClass);
        String sessionAnswer = sessionClass.isInstance(session)
                ? sessionType
                : "the entity manager unwrapped to " + className(session) + " (not a " + sessionType + ")";
        return server + " " + queryType + " " + sessionAnswer;
    }

    /** Through the application's class loader, which sees the provider the server gives the deployment. */
    private static Class<?> load(String name) {
        try {
            return Class.forName(name, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("the application cannot see " + name, e);
        }
    }

    private static String className(Object o) {
        return o == null ? "null" : o.getClass().getName();
    }
}
