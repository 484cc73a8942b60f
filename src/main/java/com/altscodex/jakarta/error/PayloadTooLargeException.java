package com.altscodex.jakarta.error;

/** The request's body is larger than the module reads ({@code altscodex.max-body}): 413. */
public final class PayloadTooLargeException extends AltsCodexException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(int maxBody) {
        super(ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than " + maxBody
                + " bytes: a login sends only {\"jwt\": \"…\"}");
    }
}
