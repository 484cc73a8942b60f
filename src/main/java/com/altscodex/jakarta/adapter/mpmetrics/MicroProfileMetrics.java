package com.altscodex.jakarta.adapter.mpmetrics;

import com.altscodex.jakarta.metrics.CachedCounters;
import com.altscodex.jakarta.metrics.LoginObserver;
import com.altscodex.jakarta.metrics.Meters;
import com.altscodex.jakarta.pending.CallbackMatch;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The module's meters ({@link Meters}) in MicroProfile Metrics' application registry
 * ({@code /metrics?scope=application}), on servers that ship it (Payara, Open Liberty).
 */
public final class MicroProfileMetrics implements LoginObserver {
    private final CachedCounters<Counter> counters;
    private final Timer duration;

    private MicroProfileMetrics(MetricRegistry registry, IntSupplier waiting) {
        this.counters = new CachedCounters<>((meter, tags) ->
                registry.counter(metadata(meter, MetricUnits.NONE), tagsOf(tags)));
        registry.gauge(metadata(Meters.WAITING, MetricUnits.NONE), waiting, w -> w.getAsInt());
        // the unit the timer records in: exporters scale its quantiles, mean and max from it to
        // seconds. Without it Payara printed them in nanoseconds beside a _sum in seconds
        this.duration = registry.timer(metadata(Meters.DURATION, MetricUnits.NANOSECONDS));
    }

    /** The adapter on the container's application registry, if CDI offers one. */
    public static Optional<LoginObserver> from(Instance<Object> beans, IntSupplier waiting) {
        Instance<MetricRegistry> registry = beans.select(MetricRegistry.class);
        return registry.isResolvable() ? Optional.of(new MicroProfileMetrics(registry.get(), waiting))
                : Optional.empty();
    }

    @Override
    public void loginFinished(String outcome, Duration took) {
        counters.get(Meters.LOGINS, Meters.OUTCOME, outcome).inc();
        duration.update(took);
    }

    @Override
    public void callbackReceived(CallbackMatch match) {
        counters.get(Meters.CALLBACKS, Meters.KIND, Meters.kind(match)).inc();
    }

    @Override
    public void upstreamCall(String endpoint, int status) {
        counters.get(Meters.UPSTREAM_CALLS, Meters.ENDPOINT, endpoint, Meters.STATUS, Meters.status(status)).inc();
    }

    private static Tag[] tagsOf(String... namesAndValues) {
        Tag[] tags = new Tag[namesAndValues.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(namesAndValues[2 * i], namesAndValues[2 * i + 1]);
        }
        return tags;
    }

    private static Metadata metadata(Meters.Meter meter, String unit) {
        return Metadata.builder().withName(meter.name()).withDescription(meter.help()).withUnit(unit).build();
    }
}
