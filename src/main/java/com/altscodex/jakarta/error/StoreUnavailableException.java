package com.altscodex.jakarta.error;

/** The shared pending-login store (Redis) cannot be reached, so no login can start (503). */
public final class StoreUnavailableException extends AltsCodexException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException() {
        super(ErrorCode.STORE_UNAVAILABLE, "the pending-login store is unreachable; try again shortly");
    }
}
