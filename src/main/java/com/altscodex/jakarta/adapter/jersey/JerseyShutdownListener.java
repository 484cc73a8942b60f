package com.altscodex.jakarta.adapter.jersey;

import com.altscodex.jakarta.AltsCodexBackend;
import jakarta.enterprise.inject.spi.CDI;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * Shuts the backend down when Jersey stops. On Payara the JAX-RS runtime stops before CDI runs
 * {@code @PreDestroy}, and a suspended request can no longer be resumed after that; here it still
 * can, so every waiting login gets its 503 instead of a dropped connection.
 *
 * <p>Not a {@code @Provider}: a scan on another JAX-RS runtime would load it and fail. It is
 * registered by {@link com.altscodex.jakarta.lifecycle.ServerAdaptersFeature} once Jersey's SPI
 * is known to be there.
 */
public class JerseyShutdownListener implements ContainerLifecycleListener {
    private static final Logger LOG = Logger.getLogger(JerseyShutdownListener.class.getName());

    @Override
    public void onStartup(Container container) {
        // nothing to do
    }

    @Override
    public void onReload(Container container) {
        // a reload keeps the application: the waiting logins stay
    }

    @Override
    public void onShutdown(Container container) {
        try {
            CDI.current().select(AltsCodexBackend.class).get().shutdown();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not shut the AltsCodex backend down with the JAX-RS runtime;"
                    + " @PreDestroy will: " + e);
        }
    }
}
