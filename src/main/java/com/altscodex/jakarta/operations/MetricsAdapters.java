package com.altscodex.jakarta.operations;

import com.altscodex.jakarta.AltsCodexBackend;
import com.altscodex.jakarta.adapter.ServerApis;
import com.altscodex.jakarta.adapter.micrometer.MicrometerMetrics;
import com.altscodex.jakarta.adapter.mpmetrics.MicroProfileMetrics;
import com.altscodex.jakarta.metrics.LoginObserver;
import com.altscodex.jakarta.metrics.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.logging.Logger;

/**
 * Feeds the module's {@link Meters} to the metrics API this server has: MicroProfile Metrics
 * (Payara, Open Liberty), else Micrometer (WildFly, once its micrometer subsystem is on), else
 * none, and the application still deploys. An adapter's class is
 * named only after its API was found, so it is never loaded where it could not link.
 */
@ApplicationScoped
public class MetricsAdapters {
    private static final Logger LOG = Logger.getLogger(MetricsAdapters.class.getName());

    @Inject
    Instance<Object> beans;

    @Inject
    Instance<AltsCodexBackend> backend;

    @Produces
    @ApplicationScoped
    LoginObserver observer() {
        // looked up when read: the backend itself depends on this observer
        IntSupplier waiting = () -> backend.get().pendingLogins();
        Optional<LoginObserver> adapter = Optional.empty();
        if (ServerApis.present(ServerApis.MP_METRICS)) {
            adapter = MicroProfileMetrics.from(beans, waiting);
        }
        if (adapter.isEmpty() && ServerApis.present(ServerApis.MICROMETER)) {
            adapter = MicrometerMetrics.from(beans, waiting);
        }
        if (adapter.isEmpty()) {
            LOG.info("AltsCodex metrics are off: this server offers neither a MicroProfile Metrics"
                    + " nor a Micrometer registry");
        }
        return adapter.orElse(LoginObserver.NONE);
    }
}
