package com.altscodex.jakarta.error;

/**
 * The client's address has used up its budget of failed attempts ({@code altscodex.limits.*}):
 * refused until the budget refills (429, with {@code Retry-After}).
 */
public final class RateLimitedException extends AltsCodexException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super(ErrorCode.RATE_LIMITED, "too many failed attempts from this address: try again in "
                + Math.max(1, retryAfterSeconds) + " s");
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** The value of the {@code Retry-After} header the answer carries, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
