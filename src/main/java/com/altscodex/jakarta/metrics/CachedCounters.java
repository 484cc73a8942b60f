package com.altscodex.jakarta.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The counters of a metrics registry, each made once per meter and tag values and then kept. A
 * registry's name-and-tags lookup builds and checks the tags and finds the meter again on every
 * count, four times a login: on WildFly's Micrometer about 2% of a login's CPU. The tag
 * values are few (outcomes, callback kinds, endpoints, HTTP statuses), so the map stays small.
 *
 * @param <C> the registry's counter type
 */
public final class CachedCounters<C> {
    private final BiFunction<Meters.Meter, String[], C> register;
    private final Map<List<String>, C> counters = new ConcurrentHashMap<>();

    /** {@code register} makes or finds the counter of a meter with its tags (name, value, name, value, …). */
    public CachedCounters(BiFunction<Meters.Meter, String[], C> register) {
        this.register = register;
    }

    /** The counter of {@code meter} with {@code tags}: name, value, name, value, …. */
    public C get(Meters.Meter meter, String... tags) {
        String[] key = new String[tags.length + 1];
        key[0] = meter.name();
        System.arraycopy(tags, 0, key, 1, tags.length);
        List<String> id = List.of(key);
        C counter = counters.get(id);
        return counter != null ? counter : counters.computeIfAbsent(id, unused -> register.apply(meter, tags));
    }
}
