package org.dbchooser.benchmarks;

import jakarta.persistence.EntityManager;

/**
 * The server that ran a statement, in its own words: its port and whether it is a
 * standby.
 */
record ServedBy(int port, boolean standby) {

    /** Asked by a select on the item table, like the workload's reads, so that a router that looks at tables treats it as it treats them. */
    static ServedBy read(EntityManager em) {
        return of(em.createNativeQuery("select inet_server_port(), pg_is_in_recovery() from item where id = 1")
                .getSingleResult());
    }

    /**
     * Asked by the write itself, a rename of row 1 that returns where it ran. (A select
     * after the write would say where the router sends reads inside a transaction that
     * wrote, which is another question.)
     */
    static ServedBy write(EntityManager em) {
        return of(em.createNativeQuery(
                "update item set name = 'item 1' where id = 1 returning inet_server_port(), pg_is_in_recovery()")
                .getSingleResult());
    }

    private static ServedBy of(Object result) {
        Object[] row = (Object[]) result;
        return new ServedBy(((Number) row[0]).intValue(), (Boolean) row[1]);
    }

    @Override
    public String toString() {
        return "port " + port + ", pg_is_in_recovery=" + standby;
    }
}
