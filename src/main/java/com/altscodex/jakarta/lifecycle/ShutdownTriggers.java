package com.altscodex.jakarta.lifecycle;

import com.altscodex.jakarta.AltsCodexBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers the waiting logins at the earliest moment each server still lets a suspended request
 * be resumed. Every trigger calls the same idempotent {@link AltsCodexBackend#shutdown()}:
 * <ul>
 * <li>Jersey's container listener (Payara), registered by {@link ServerAdaptersFeature};</li>
 * <li>a JVM shutdown hook on SIGTERM where the runtime is not Jersey: Open Liberty quiesces its
 * HTTP side before CDI ends the application, so a later signal would find every connection
 * closing. On Payara the same hook raced Jersey's own shutdown and dropped connections;</li>
 * <li>CDI's {@code @BeforeDestroyed(ApplicationScoped.class)} on undeploy and redeploy, where no
 * JVM hook runs;</li>
 * <li>the backend's own {@code @PreDestroy}, the backstop.</li>
 * </ul>
 */
@ApplicationScoped
public class ShutdownTriggers {
    private static final Logger LOG = Logger.getLogger(ShutdownTriggers.class.getName());

    @Inject
    AltsCodexBackend backend;

    private Thread hook;

    void installWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (ServerAdaptersFeature.jaxRsRuntimeSignalsShutdown()) {
            return;
        }
        AltsCodexBackend target = backend;
        Thread thread = new Thread(() -> {
            try {
                target.shutdown();
            } catch (RuntimeException e) {
                // the application ended first, and shut the backend down with it
                LOG.log(Level.FINE, "JVM shutdown hook found the application gone: " + e);
            }
        }, "altscodex-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(thread);
            hook = thread;
        } catch (IllegalStateException | SecurityException e) {
            LOG.log(Level.FINE, "no JVM shutdown hook: " + e);
        }
    }

    void beforeTheApplicationEnds(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ending) {
        backend.shutdown();
        removeHook();
    }

    private void removeHook() {
        Thread thread = hook;
        hook = null;
        if (thread == null) {
            return;
        }
        try {
            // an undeploy must not leave a hook that keeps this application's classes alive
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running or has run
        }
    }
}
