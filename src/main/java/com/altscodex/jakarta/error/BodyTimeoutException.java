package com.altscodex.jakarta.error;

import java.time.Duration;

/** The client took longer than {@code altscodex.body-timeout} to send its body (408). */
public final class BodyTimeoutException extends AltsCodexException {
    private static final long serialVersionUID = 1L;

    public BodyTimeoutException(Duration limit) {
        super(ErrorCode.BODY_TIMEOUT, "the request body did not arrive within " + limit.toMillis() + " ms");
    }
}
