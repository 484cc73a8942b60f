package com.altscodex.jakarta.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.MovableClock;
import com.altscodex.jakarta.audit.Audit;
import com.altscodex.jakarta.audit.AuditEvent;
import com.altscodex.jakarta.config.LimitSettings;
import com.altscodex.jakarta.error.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The budget of failed attempts per address, in memory, on a clock the test moves. */
class GuessLimitsTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final List<AuditEvent> events = new ArrayList<>();
    private final GuessLimits limits = GuessLimits.inMemory(new LimitSettings(20, 5, 1_000), clock,
            new Audit(events::add, clock));

    /** The failure the stage ended with, or null when it completed. */
    private static Throwable refusalOf(CompletionStage<Void> stage) {
        try {
            stage.toCompletableFuture().join();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void pastTheBurstAnAddressIs429UntilTheBudgetRefills() {
        for (int i = 0; i < 5; i++) {
            assertNull(refusalOf(limits.check("203.0.113.1")), "failure " + (i + 1) + " of a burst of 5 may go on");
            limits.failed("203.0.113.1");
        }
        RateLimitedException refused = assertInstanceOf(RateLimitedException.class, refusalOf(limits.check("203.0.113.1")));
        assertEquals(3, refused.retryAfterSeconds(), "20 a minute: one every 3 s");
        assertEquals(429, refused.status());
        assertEquals(1, events.stream().filter(e -> e.what() == AuditEvent.Kind.RATE_LIMITED).count(), "one event per time it ran out");
        assertNull(refusalOf(limits.check("203.0.113.2")), "another address is not touched");

        clock.move(Duration.ofSeconds(3));
        assertNull(refusalOf(limits.check("203.0.113.1")), "one attempt back after 3 s");
        limits.failed("203.0.113.1");
        assertInstanceOf(RateLimitedException.class, refusalOf(limits.check("203.0.113.1")));
        clock.move(Duration.ofSeconds(15));
        for (int i = 0; i < 5; i++) {
            assertNull(refusalOf(limits.attempt("203.0.113.1", true)), "refilled to the full burst: " + i);
        }
        assertInstanceOf(RateLimitedException.class, refusalOf(limits.attempt("203.0.113.1", false)),
                "past its budget even a right API key is refused: it must not be tried");
    }

    @Test
    void failuresThatCameTogetherAreAllCountedAndTakeTheirTime() {
        for (int i = 0; i < 25; i++) {
            limits.failed("203.0.113.3");
        }
        RateLimitedException refused = assertInstanceOf(RateLimitedException.class, refusalOf(limits.check("203.0.113.3")));
        assertEquals(63, refused.retryAfterSeconds(), "21 below the one it needs, at 3 s each");
        limits.failed("203.0.113.3");
        assertInstanceOf(RateLimitedException.class, refusalOf(limits.check("203.0.113.3")));
    }

    @Test
    void anIpv6HostIsCountedByItsSlash64() {
        for (int i = 0; i < 5; i++) {
            limits.failed("2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertInstanceOf(RateLimitedException.class, refusalOf(limits.check("2001:db8:1:2:ffff::9")),
                "every address of one /64 shares one budget");
        assertNull(refusalOf(limits.check("2001:db8:1:3::1")));
        assertEquals("2001:db8:1:2:0:0:0:0/64", GuessLimits.clientOf("2001:db8:1:2:aaaa::1"));
        assertEquals("198.51.100.7", GuessLimits.clientOf("198.51.100.7"));
    }

    @Test
    void memoryIsBoundedWhateverTheNumberOfAddresses() {
        for (int i = 0; i < 20_000; i++) {
            limits.failed("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
            assertTrue(limits.trackedAddresses() <= 1_000, "at most altscodex.limits.max-addresses: " + limits.trackedAddresses());
        }
        assertTrue(limits.trackedAddresses() > 800, "the cap is used, not emptied: " + limits.trackedAddresses());
        clock.move(Duration.ofMinutes(1));
        limits.failed("192.0.2.1");
        assertTrue(limits.trackedAddresses() <= 1_000);
    }
}
