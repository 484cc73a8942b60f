package com.altscodex.jakarta.error;

/** The DeOAuth server called back with {@code success} other than {@code "1"} (502). */
public final class CallbackRejectedException extends AltsCodexException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public CallbackRejectedException(String reason) {
        super(ErrorCode.CALLBACK_REJECTED, "authorize callback rejected" + Codes.describe(reason));
        this.reason = Codes.safe(reason);
    }

    /** The callback's error code when it looks like one ({@code ACCESS_DENIED}), else null. */
    public String reason() {
        return reason;
    }
}
