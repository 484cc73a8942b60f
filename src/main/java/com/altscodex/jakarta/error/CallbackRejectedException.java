package com.altscodex.jakarta.error;

/** The DeOAuth server called back with {@code success} other than {@code "1"} (502). */
public final class CallbackRejectedException extends AltsCodexException {
    private static final long serialVersionUID = 1L;

    public CallbackRejectedException(String reason) {
        super(ErrorCode.CALLBACK_REJECTED, "authorize callback rejected" + Codes.describe(reason));
    }
}
