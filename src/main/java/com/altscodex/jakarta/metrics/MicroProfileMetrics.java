package com.altscodex.jakarta.metrics;

import com.altscodex.jakarta.AltsCodexBackend;
import com.altscodex.jakarta.pending.CallbackMatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The module's metrics in the application registry ({@code /metrics?scope=application}):
 * logins by outcome, waiting logins, login duration, DeOAuth calls by endpoint and status, and
 * callbacks by what they matched.
 */
@ApplicationScoped
public class MicroProfileMetrics implements LoginObserver {
    static final String LOGINS = "altscodex.logins";
    static final String WAITING = "altscodex.logins.waiting";
    static final String DURATION = "altscodex.login.duration";
    static final String UPSTREAM_CALLS = "altscodex.upstream.calls";
    static final String CALLBACKS = "altscodex.callbacks";

    @Inject
    MetricRegistry registry;

    @Inject
    Instance<AltsCodexBackend> backend;

    @PostConstruct
    void registerGauge() {
        // looked up when read: the backend itself depends on this observer
        registry.gauge(Metadata.builder().withName(WAITING)
                .withDescription("logins waiting for their DeOAuth callback now").build(),
                backend, b -> b.get().pendingLogins());
    }

    @Override
    public void loginFinished(String outcome, Duration took) {
        registry.counter(LOGINS, new Tag("outcome", outcome)).inc();
        registry.timer(DURATION).update(took);
    }

    @Override
    public void callbackReceived(CallbackMatch match) {
        registry.counter(CALLBACKS, new Tag("kind", match.name().toLowerCase(Locale.ROOT))).inc();
    }

    @Override
    public void upstreamCall(String endpoint, int status) {
        registry.counter(UPSTREAM_CALLS, new Tag("endpoint", endpoint),
                new Tag("status", status == 0 ? "none" : String.valueOf(status))).inc();
    }
}
