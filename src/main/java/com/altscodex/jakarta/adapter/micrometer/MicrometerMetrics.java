package com.altscodex.jakarta.adapter.micrometer;

import com.altscodex.jakarta.metrics.CachedCounters;
import com.altscodex.jakarta.metrics.LoginObserver;
import com.altscodex.jakarta.metrics.Meters;
import com.altscodex.jakarta.pending.CallbackMatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The module's meters ({@link Meters}) in the server's Micrometer registry, on servers that offer
 * Micrometer instead of MicroProfile Metrics (WildFly 39 with its micrometer subsystem). A
 * Prometheus registry prints them under the same names as MicroProfile Metrics does:
 * {@code altscodex_logins_total}, {@code altscodex_login_duration_seconds}, ….
 *
 * <p>Meters are made through the registry's name-and-tags methods, not Micrometer's builders:
 * WildFly's per-deployment registry forwards only those to the exported one, and keeps what
 * builders register to itself (WFLYMMTREXT0015). So the help texts of {@link Meters} are lost
 * there: its Prometheus output has no HELP text for our meters.
 */
public final class MicrometerMetrics implements LoginObserver {
    private final CachedCounters<Counter> counters;
    private final Timer duration;
    /** Held here: Micrometer's gauges keep only a weak reference, and read NaN once it is collected. */
    private final IntSupplier waiting;

    private MicrometerMetrics(MeterRegistry registry, IntSupplier waiting) {
        this.counters = new CachedCounters<>((meter, tags) -> registry.counter(meter.name(), Tags.of(tags)));
        this.waiting = waiting;
        registry.gauge(Meters.WAITING.name(), Tags.empty(), waiting, w -> w.getAsInt());
        this.duration = registry.timer(Meters.DURATION.name(), Tags.empty());
    }

    /** The adapter on the container's registry, if CDI offers one. */
    public static Optional<LoginObserver> from(Instance<Object> beans, IntSupplier waiting) {
        Instance<MeterRegistry> registry = beans.select(MeterRegistry.class);
        return registry.isResolvable() ? Optional.of(new MicrometerMetrics(registry.get(), waiting))
                : Optional.empty();
    }

    @Override
    public void loginFinished(String outcome, Duration took) {
        counters.get(Meters.LOGINS, Meters.OUTCOME, outcome).increment();
        duration.record(took);
    }

    @Override
    public void callbackReceived(CallbackMatch match) {
        counters.get(Meters.CALLBACKS, Meters.KIND, Meters.kind(match)).increment();
    }

    @Override
    public void upstreamCall(String endpoint, int status) {
        counters.get(Meters.UPSTREAM_CALLS, Meters.ENDPOINT, endpoint, Meters.STATUS, Meters.status(status)).increment();
    }
}
