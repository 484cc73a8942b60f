package com.altscodex.jakarta.error;

import java.time.Duration;

/** No callback arrived for the login's state within its timeout (408). */
public final class CallbackTimeoutException extends AltsCodexException {
    private static final long serialVersionUID = 1L;

    public CallbackTimeoutException(Duration timeout) {
        super(ErrorCode.CALLBACK_TIMEOUT,
                "authorize callback timeout: no callback within " + timeout.toMillis() + " ms");
    }
}
