package com.altscodex.jakarta.error;

/** Our own input checks refused the request (400). */
public final class BadRequestException extends AltsCodexException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(ErrorCode.BAD_REQUEST, message);
    }
}
