package com.altscodex.jakarta.error;

/** Too much waits already ({@code altscodex.max-pending} logins, {@code altscodex.links.max-pending} links): retry later (503). */
public final class OverloadedException extends AltsCodexException {
    private static final long serialVersionUID = 1L;

    private final int retryAfterSeconds;

    public OverloadedException(int maxPending, int retryAfterSeconds) {
        this(maxPending, retryAfterSeconds, "logins in progress");
    }

    /** @param what what there is too much of, e.g. {@code "login links wait already"} */
    public OverloadedException(int maxPending, int retryAfterSeconds, String what) {
        super(ErrorCode.OVERLOADED, "too many " + what + " (" + maxPending + "); retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The value of the {@code Retry-After} header the answer carries. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
