package com.altscodex.jakarta.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The revocations of this process: a session's id until its expiry, a slot's cutoff for one session
 * lifetime (the longest any session it ends can live). Each new revocation sweeps away the expired
 * ones once their number has doubled since the last sweep, so memory follows the logouts of one
 * session lifetime.
 */
class InMemoryRevocations implements SessionRevocations {
    private final Map<String, Long> sessions = new ConcurrentHashMap<>();
    private final Map<String, Long> slots = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private final AtomicLong sweepAt = new AtomicLong(1024);

    InMemoryRevocations(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public boolean revoked(String sessionId, String slotId, long issuedAtMillis) {
        if (sessionId != null && sessions.containsKey(sessionId)) {
            return true;
        }
        Long cutoff = slots.get(slotId);
        return cutoff != null && issuedAtMillis < cutoff;
    }

    @Override
    public CompletionStage<Void> revoke(String sessionId, Instant expiresAt) {
        keepSession(sessionId, expiresAt.toEpochMilli());
        return CompletableFuture.completedStage(null);
    }

    @Override
    public CompletionStage<Void> revokeSlot(String slotId, long cutoffMillis) {
        keepSlot(slotId, cutoffMillis);
        return CompletableFuture.completedStage(null);
    }

    final void keepSession(String sessionId, long expiresAtMillis) {
        if (expiresAtMillis > clock.millis()) {
            sessions.put(sessionId, expiresAtMillis);
            sweepIfGrown();
        }
    }

    final void keepSlot(String slotId, long cutoffMillis) {
        if (cutoffMillis + ttl.toMillis() > clock.millis()) {
            slots.merge(slotId, cutoffMillis, Math::max);
            sweepIfGrown();
        }
    }

    /** How many revocations are kept now. */
    final int size() {
        return sessions.size() + slots.size();
    }

    private void sweepIfGrown() {
        long limit = sweepAt.get();
        if (size() >= limit && sweepAt.compareAndSet(limit, Long.MAX_VALUE)) {
            long now = clock.millis();
            sessions.values().removeIf(expiresAt -> expiresAt <= now);
            long oldest = now - ttl.toMillis();
            slots.values().removeIf(cutoff -> cutoff <= oldest);
            sweepAt.set(Math.max(1024, 2L * size()));
        }
    }

    @Override
    public void close() {
        sessions.clear();
        slots.clear();
    }
}
