package com.altscodex.jakarta.lifecycle;

import com.altscodex.jakarta.adapter.ServerApis;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Registers the JAX-RS runtime's own shutdown listener where the runtime has one (Jersey, on
 * Payara), and nothing elsewhere. Portable itself: it names the adapter only as a string.
 */
@Provider
public class ServerAdaptersFeature implements Feature {
    private static final Logger LOG = Logger.getLogger(ServerAdaptersFeature.class.getName());
    static final String JERSEY_LISTENER = "com.altscodex.jakarta.adapter.jersey.JerseyShutdownListener";

    @Override
    public boolean configure(FeatureContext context) {
        if (!jaxRsRuntimeSignalsShutdown()) {
            return false;
        }
        try {
            context.register(Class.forName(JERSEY_LISTENER, true, ServerAdaptersFeature.class.getClassLoader()));
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.log(Level.WARNING, "Jersey is present but its shutdown listener could not be registered;"
                    + " the backend shuts down with CDI instead: " + e);
            return false;
        }
    }

    /** Whether shutdown comes from the JAX-RS runtime here, so no JVM hook is needed. */
    static boolean jaxRsRuntimeSignalsShutdown() {
        return ServerApis.present(ServerApis.JERSEY_LIFECYCLE);
    }
}
