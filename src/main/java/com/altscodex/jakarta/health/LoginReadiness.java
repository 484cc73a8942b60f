package com.altscodex.jakarta.health;

import java.util.List;

/**
 * Whether this backend can log users in now, and if not, why: every reason is an operator's
 * clue.
 */
public record LoginReadiness(boolean shuttingDown, boolean upstreamUnavailable, boolean storeUnavailable,
        boolean credentialsRejected) {

    public boolean ready() {
        return !shuttingDown && !upstreamUnavailable && !storeUnavailable && !credentialsRejected;
    }

    public List<String> reasons() {
        return java.util.stream.Stream.of(
                shuttingDown ? "shutting down" : null,
                upstreamUnavailable ? "DeOAuth server unavailable (circuit open)" : null,
                storeUnavailable ? "pending-login store unreachable" : null,
                credentialsRejected ? "DeOAuth server rejected the client credentials" : null)
                .filter(java.util.Objects::nonNull).toList();
    }
}
