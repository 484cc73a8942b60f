package com.altscodex.jakarta.error;

import java.util.Set;

/**
 * Our own input checks refused the request (400): {@link ErrorCode#BAD_REQUEST}, or
 * {@link ErrorCode#WEBHOOK_URL_REFUSED} for a webhook URL that must not be called.
 */
public final class BadRequestException extends AltsCodexException {
    private static final long serialVersionUID = 1L;
    private static final Set<ErrorCode> CODES = Set.of(ErrorCode.BAD_REQUEST, ErrorCode.WEBHOOK_URL_REFUSED);

    public BadRequestException(String message) {
        this(ErrorCode.BAD_REQUEST, message);
    }

    public BadRequestException(ErrorCode code, String message) {
        super(oneOf(CODES, code), message);
    }
}
