package com.altscodex.jakarta.error;

import java.util.Set;

/**
 * A request needs a session and has none that holds (401): {@link ErrorCode#SESSION_REQUIRED},
 * {@link ErrorCode#SESSION_INVALID} or {@link ErrorCode#SESSION_EXPIRED}.
 */
public final class NotAuthenticatedException extends AltsCodexException {
    private static final long serialVersionUID = 1L;
    private static final Set<ErrorCode> CODES =
            Set.of(ErrorCode.SESSION_REQUIRED, ErrorCode.SESSION_INVALID, ErrorCode.SESSION_EXPIRED);

    public NotAuthenticatedException(ErrorCode code, String message) {
        super(oneOf(CODES, code), message);
    }
}
