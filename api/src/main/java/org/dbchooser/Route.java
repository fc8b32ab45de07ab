package org.dbchooser;

/** The two places a piece of database work can run. */
public enum Route {
    /** The PostgreSQL primary: takes reads and writes. */
    MASTER,
    /** A read replica (hot standby): takes reads only, and may be a little behind the master. */
    SLAVE
}
