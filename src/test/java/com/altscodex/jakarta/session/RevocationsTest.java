package com.altscodex.jakarta.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.MovableClock;
import com.altscodex.jakarta.config.RedisLocation;
import com.altscodex.jakarta.pending.LocalRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Revoked sessions: kept until they would have expired, and shared by every replica through Redis. */
class RevocationsTest {
    private static final Duration TTL = Duration.ofHours(1);

    @Test
    void aRevocationIsKeptUntilTheSessionWouldHaveExpired() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-06T12:00:00Z"));
        InMemoryRevocations revocations = new InMemoryRevocations(TTL, clock);
        long issued = clock.millis();
        revocations.revoke("s1", clock.instant().plus(TTL));
        revocations.revokeSlot("slot-1", issued + 1);
        assertTrue(revocations.revoked("s1", "slot-9", issued));
        assertTrue(revocations.revoked("s2", "slot-1", issued), "issued before the slot's cutoff");
        assertFalse(revocations.revoked("s2", "slot-1", issued + 1), "issued at the cutoff or after it holds");
        assertFalse(revocations.revoked(null, "slot-2", issued));

        clock.move(TTL.plusSeconds(1));
        for (int i = 0; i < 1100; i++) {
            revocations.revoke("later-" + i, clock.instant().plus(TTL));
        }
        assertFalse(revocations.revoked("s1", "slot-9", issued), "past its expiry a revocation is swept away");
        assertFalse(revocations.revoked("s3", "slot-1", issued), "so is a cutoff, one session lifetime on");
        assertTrue(revocations.size() <= 1100, "only the live ones are kept: " + revocations.size());
    }

    @Test
    void aRevocationReachesTheOtherReplicaAndOneThatStartsLaterWithoutARoundTripPerCheck() throws Exception {
        ExecutorService work = Executors.newFixedThreadPool(4);
        try (LocalRedis redis = LocalRedis.onFreePort()) {
            RedisLocation location = RedisLocation.parse(redis.uri());
            RedisRevocations a = new RedisRevocations(location, TTL, work, Clock.systemUTC());
            RedisRevocations b = new RedisRevocations(location, TTL, work, Clock.systemUTC());
            long issued = System.currentTimeMillis() - 1_000;
            // a's first command opens its connections; b subscribes meanwhile
            a.revoke("session-a", Instant.now().plus(TTL)).toCompletableFuture().join();
            waitUntil(() -> b.revoked("session-a", "slot-x", issued));
            a.revokeSlot("slot-y", System.currentTimeMillis()).toCompletableFuture().join();
            waitUntil(() -> b.revoked("any", "slot-y", issued));

            RedisRevocations late = new RedisRevocations(location, TTL, work, Clock.systemUTC());
            waitUntil(() -> late.revoked("session-a", "slot-x", issued) && late.revoked("any", "slot-y", issued));

            RedisClient inspector = RedisClient.create(redis.uri());
            try (StatefulRedisConnection<String, String> info = inspector.connect()) {
                long before = commandsProcessed(info);
                for (int i = 0; i < 1_000; i++) {
                    late.revoked("session-" + i, "slot-" + i, issued);
                }
                long after = commandsProcessed(info);
                assertEquals(1, after - before, "1,000 checks, no command but our own INFO: " + before + " -> " + after);
            } finally {
                inspector.shutdown();
            }
            for (RedisRevocations replica : new RedisRevocations[] {a, b, late}) {
                replica.close();
            }
        } finally {
            work.shutdownNow();
        }
    }

    private static long commandsProcessed(StatefulRedisConnection<String, String> info) {
        for (String line : info.sync().info("stats").split("\r?\n")) {
            if (line.startsWith("total_commands_processed:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        throw new IllegalStateException("no total_commands_processed in INFO");
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 10 s");
            Thread.sleep(10);
        }
    }
}
