package org.dbchooser.itests;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.dbchooser.Routing;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every Arquillian test here shares: the test table on the master and the
 * standbys, and the routed beans to call. Subclasses choose the deployment.
 */
@ExtendWith(ArquillianExtension.class)
abstract class RoutedBeansTest {

    @BeforeAll
    static void schema() throws Exception {
        Databases.ensureSchema();
    }

    @Inject
    ReadOnlyCalls readOnly;

    @Inject
    MasterCalls master;

    @Inject
    PlainCalls plain;

    @Inject
    Routing routing;

    @Inject
    BeanManager beanManager;

    /** Runs {@code work} on a thread of its own, where no CDI request context is active; rethrows what it threw. */
    static <T> T onNewThread(String name, Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        new Thread(task, name).start();
        try {
            return task.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
