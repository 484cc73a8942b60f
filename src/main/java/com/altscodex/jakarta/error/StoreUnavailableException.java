package com.altscodex.jakarta.error;

/** The shared store (Redis) of waiting logins and login links cannot be reached (503). */
public final class StoreUnavailableException extends AltsCodexException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException() {
        super(ErrorCode.STORE_UNAVAILABLE, "the shared store (Redis) is unreachable; try again shortly");
    }
}
