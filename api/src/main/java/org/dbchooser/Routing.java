package org.dbchooser;

/**
 * Runs a block of code on a route chosen by the code itself. Inject it:
 * {@code @Inject Routing routing;}
 *
 * <p>An explicit choice made here beats every other rule for the block, including
 * {@code @ReadOnly} and {@code @Master} on the beans the block calls, with one
 * exception: a transaction that has already used the master stays on the master, so a
 * block asking for {@link Route#SLAVE} inside it still reads from the master.
 */
public interface Routing {

    /** The route that database work started now would take. */
    Route current();

    /** Runs {@code work} on {@code route} and returns its result; the previous route is restored afterwards. */
    <T, E extends Exception> T call(Route route, Work<T, E> work) throws E;

    /** Runs {@code work} on {@code route}; the previous route is restored afterwards. */
    void run(Route route, Runnable work);

    /**
     * A block of work that returns a value and may throw a checked exception, which
     * {@link #call} passes on unchanged.
     */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run() throws E;
    }
}
