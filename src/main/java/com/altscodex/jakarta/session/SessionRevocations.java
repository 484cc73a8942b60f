package com.altscodex.jakarta.session;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * The sessions ended before their expiry: one by its logout, or all of a slot's issued before a
 * moment ("log out everywhere"). Asking is local, in memory, so a request whose session was never
 * revoked costs no round trip; with Redis the revocations reach every replica by a message and are
 * loaded again from Redis at start and after each reconnect. Each is kept until the sessions it
 * ends would have expired anyway, no longer.
 */
interface SessionRevocations extends AutoCloseable {

    /** Whether the session was revoked: its id, or its slot since a moment after it was issued. */
    boolean revoked(String sessionId, String slotId, long issuedAtMillis);

    /** Ends one session, here at once and on every replica once the stage completes. */
    CompletionStage<Void> revoke(String sessionId, Instant expiresAt);

    /** Ends every session of {@code slotId} issued before {@code cutoffMillis}. */
    CompletionStage<Void> revokeSlot(String slotId, long cutoffMillis);

    @Override
    void close();
}
