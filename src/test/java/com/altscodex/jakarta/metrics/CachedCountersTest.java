package com.altscodex.jakarta.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class CachedCountersTest {
    private final List<String> registered = new ArrayList<>();
    private final CachedCounters<LongAdder> counters = new CachedCounters<>((meter, tags) -> {
        registered.add(meter.name() + List.of(tags));
        return new LongAdder();
    });

    @Test
    void aCounterIsRegisteredOnceAndThenKept() {
        LongAdder first = counters.get(Meters.LOGINS, Meters.OUTCOME, "success");
        first.increment();
        LongAdder again = counters.get(Meters.LOGINS, Meters.OUTCOME, "success");
        again.increment();

        assertSame(first, again);
        assertEquals(2, first.sum());
        assertEquals(List.of("altscodex.logins[outcome, success]"), registered);
    }

    @Test
    void otherTagValuesOrAnotherMeterAreOtherCounters() {
        LongAdder success = counters.get(Meters.LOGINS, Meters.OUTCOME, "success");
        assertNotSame(success, counters.get(Meters.LOGINS, Meters.OUTCOME, "expired_token"));
        assertNotSame(success, counters.get(Meters.CALLBACKS, Meters.OUTCOME, "success"));
        assertNotSame(counters.get(Meters.UPSTREAM_CALLS, Meters.ENDPOINT, "authorize", Meters.STATUS, "200"),
                counters.get(Meters.UPSTREAM_CALLS, Meters.ENDPOINT, "authorize", Meters.STATUS, "500"));
        assertEquals(5, registered.size());
    }
}
