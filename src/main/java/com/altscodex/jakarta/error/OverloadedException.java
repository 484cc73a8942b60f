package com.altscodex.jakarta.error;

/** {@code altscodex.max-pending} logins wait already; the caller should retry later (503). */
public final class OverloadedException extends AltsCodexException {
    private static final long serialVersionUID = 1L;

    private final int retryAfterSeconds;

    public OverloadedException(int maxPending, int retryAfterSeconds) {
        super(ErrorCode.OVERLOADED, "too many logins in progress (" + maxPending + "); retry in "
                + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The value of the {@code Retry-After} header the answer carries. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
