package org.dbchooser.itests.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.dbchooser.Master;

/**
 * A CDI bean (not an EJB) whose every method runs on the master. Its writes open no
 * transaction of their own: they join the caller's JTA transaction.
 */
@ApplicationScoped
@Master
public class MasterBean {

    @Inject
    EntityManager em;

    @Inject
    ServedBy servedBy;

    @Inject
    ProviderObjects providerObjects;

    /** Persists and flushes, in the caller's transaction. */
    public void insert(String name) {
        servedBy.insert(name);
    }

    /** A bulk write with no entity behind it, in the caller's transaction; answers the server that ran it. */
    public String insertNative(String name) {
        em.createNativeQuery("insert into item(name) values (?1)").setParameter(1, name).executeUpdate();
        return servedBy.server();
    }

    /**
     * The provider's own query and session on the master route. In a transaction, as
     * master work usually is: outside one, a container's JTA entity manager lends a
     * short-lived one per call, which is not what this checks.
     */
    @Transactional
    public String reportProviderObjects(String queryType, String sessionType) {
        return providerObjects.report(queryType, sessionType);
    }
}
