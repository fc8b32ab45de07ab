package org.dbchooser.itests.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A CDI bean with no route of its own whose method is its own JTA transaction: the
 * transaction ends when the method returns, and with it the master's hold on the caller.
 */
@ApplicationScoped
public class TransactionalBean {

    @Inject
    MasterBean masterBean;

    @Inject
    ServedBy servedBy;

    /** Writes through @Master, then counts unannotated, in the caller's route, inside the same transaction. */
    @Transactional
    public String insertThenCount(String name) {
        masterBean.insert(name);
        return servedBy.count(name);
    }
}
