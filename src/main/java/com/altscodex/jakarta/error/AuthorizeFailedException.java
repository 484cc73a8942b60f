package com.altscodex.jakarta.error;

/**
 * The authorize call failed for a reason other than an expired JWT: the server answered
 * {@code success:false} with another code, answered a non-2xx status, or could not be reached
 * (502).
 */
public final class AuthorizeFailedException extends AltsCodexException {
    private static final long serialVersionUID = 1L;

    private final String serverCode;

    public AuthorizeFailedException(String serverCode, String detail) {
        super(ErrorCode.AUTHORIZE_FAILED, "authorize failed" + Codes.describe(serverCode)
                + (detail == null ? "" : ": " + detail));
        this.serverCode = Codes.safe(serverCode);
    }

    /** The DeOAuth server's own code ({@code success:false, code:…}), or null. */
    public String serverCode() {
        return serverCode;
    }
}
