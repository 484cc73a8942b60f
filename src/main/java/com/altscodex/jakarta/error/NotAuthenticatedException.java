package com.altscodex.jakarta.error;

import java.util.Set;

/**
 * A request needs a caller and has none that holds (401): no session or one that does not hold
 * ({@link ErrorCode#SESSION_REQUIRED}, {@link ErrorCode#SESSION_INVALID}, {@link ErrorCode#SESSION_EXPIRED},
 * {@link ErrorCode#SESSION_REVOKED}),
 * or no valid API key for login links ({@link ErrorCode#API_KEY_INVALID}).
 */
public final class NotAuthenticatedException extends AltsCodexException {
    private static final long serialVersionUID = 1L;
    private static final Set<ErrorCode> CODES =
            Set.of(ErrorCode.SESSION_REQUIRED, ErrorCode.SESSION_INVALID, ErrorCode.SESSION_EXPIRED, ErrorCode.SESSION_REVOKED,
                    ErrorCode.API_KEY_INVALID);

    public NotAuthenticatedException(ErrorCode code, String message) {
        super(oneOf(CODES, code), message);
    }
}
