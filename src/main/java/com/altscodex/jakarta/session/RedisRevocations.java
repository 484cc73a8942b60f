package com.altscodex.jakarta.session;

import com.altscodex.jakarta.config.RedisLocation;
import com.altscodex.jakarta.pending.RedisConnections;
import com.altscodex.jakarta.pending.RedisScript;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * Revocations shared through Redis. Each replica answers from its own memory (no round trip per
 * request); a revocation is written to Redis and published, and every replica adds it to its memory
 * as the message arrives. Whatever was missed (a replica starting, a reconnect) is read again from
 * Redis each time the subscription holds.
 *
 * <p>Two sorted sets: {@code altscodex:revoked:sessions} (session id by expiry) and
 * {@code altscodex:revoked:slots} (slot id by cutoff); each write also drops what has expired, so
 * Redis holds the revocations of one session lifetime.
 */
final class RedisRevocations extends InMemoryRevocations {
    private static final Logger LOG = Logger.getLogger(RedisRevocations.class.getName());
    private static final String SESSIONS = "altscodex:revoked:sessions";
    private static final String SLOTS = "altscodex:revoked:slots";
    private static final String CHANNEL = "altscodex:revocations";

    /** KEYS: the set, ARGV: its member, score, what has expired (score at most), the message. */
    private static final RedisScript KEEP = RedisScript.of("""
            redis.call('ZADD', KEYS[1], 'GT', ARGV[2], ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
            redis.call('PUBLISH', ARGV[4], ARGV[5])
            return 1""");

    private final RedisConnections redis;
    private final Duration ttl;
    private final Clock clock;

    RedisRevocations(RedisLocation location, Duration ttl, Executor work, Clock clock) {
        super(ttl, clock);
        this.ttl = ttl;
        this.clock = clock;
        this.redis = new RedisConnections(location, work, LOG, "logouts", CHANNEL, this::onMessage, this::reload);
    }

    @Override
    public CompletionStage<Void> revoke(String sessionId, Instant expiresAt) {
        long expiry = expiresAt.toEpochMilli();
        keepSession(sessionId, expiry);
        return keep(SESSIONS, sessionId, expiry, clock.millis(), "s " + expiry + " " + sessionId);
    }

    @Override
    public CompletionStage<Void> revokeSlot(String slotId, long cutoffMillis) {
        keepSlot(slotId, cutoffMillis);
        return keep(SLOTS, slotId, cutoffMillis, clock.millis() - ttl.toMillis(), "u " + cutoffMillis + " " + slotId);
    }

    private CompletionStage<Void> keep(String set, String member, long score, long expiredUpTo, String message) {
        return redis.command(c -> KEEP.<Long>run(c, ScriptOutputType.INTEGER, new String[] {set},
                member, String.valueOf(score), String.valueOf(expiredUpTo), CHANNEL, message)).thenApply(ok -> null);
    }

    /** {@code s <expiry> <session id>} or {@code u <cutoff> <slot id>}: ids hold no space, slot ids may. */
    private void onMessage(String message) {
        String[] parts = message.split(" ", 3);
        if (parts.length != 3) {
            return;
        }
        try {
            long when = Long.parseLong(parts[1]);
            if (parts[0].equals("s")) {
                keepSession(parts[2], when);
            } else if (parts[0].equals("u")) {
                keepSlot(parts[2], when);
            }
        } catch (NumberFormatException notOurs) {
            LOG.fine("a message on " + CHANNEL + " that is not a revocation was ignored");
        }
    }

    /** Everything revoked and not yet expired, as Redis holds it. */
    private void reload() {
        long now = clock.millis();
        redis.command(c -> c.zrangebyscoreWithScores(SESSIONS, Range.create((double) now, Double.POSITIVE_INFINITY)))
                .thenAccept(found -> found.forEach(s -> keepSession(s.getValue(), (long) s.getScore())));
        redis.command(c -> c.zrangebyscoreWithScores(SLOTS, Range.create((double) (now - ttl.toMillis()), Double.POSITIVE_INFINITY)))
                .thenAccept(found -> found.forEach(s -> keepSlot(s.getValue(), (long) s.getScore())))
                .whenComplete((ok, failure) -> {
                    if (failure == null) {
                        LOG.fine(() -> "revoked sessions loaded from Redis: " + size() + " kept");
                    }
                });
    }

    @Override
    public void close() {
        redis.close(true);
        super.close();
    }
}
