package com.altscodex.jakarta.error;

/**
 * The DeOAuth server has been failing (no answer, 5xx, timeouts) and the circuit breaker is
 * open: the login fails in milliseconds instead of joining a pile of waiters (502).
 */
public final class UpstreamUnavailableException extends AltsCodexException {
    private static final long serialVersionUID = 1L;

    public UpstreamUnavailableException() {
        super(ErrorCode.UPSTREAM_UNAVAILABLE,
                "the DeOAuth server is unavailable (circuit open after repeated failures); try again shortly");
    }
}
