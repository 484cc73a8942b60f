package com.altscodex.jakarta.error;

/** The DeOAuth server says the browser's JWT has expired (401): the user must log in again. */
public final class ExpiredTokenException extends AltsCodexException {
    private static final long serialVersionUID = 1L;

    public ExpiredTokenException() {
        super(ErrorCode.EXPIRED_TOKEN, "the JWT has expired (EXPIRED_TOKEN)");
    }
}
