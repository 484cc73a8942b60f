package com.altscodex.jakarta.error;

/**
 * A DeOAuth call other than authorize failed: a non-2xx answer, an answer we cannot read, or no
 * answer at all (502). {@link #upstreamStatus()} keeps the server's status, 0 when there was none.
 */
public final class UpstreamHttpException extends AltsCodexException {
    private static final long serialVersionUID = 1L;

    private final String endpoint;
    private final int upstreamStatus;
    private final String serverCode;

    public UpstreamHttpException(String endpoint, int upstreamStatus, String detail) {
        this(endpoint, upstreamStatus, detail, null);
    }

    /** @param serverCode the server's own error code from the answer's body, quoted only when it looks like one */
    public UpstreamHttpException(String endpoint, int upstreamStatus, String detail, String serverCode) {
        super(ErrorCode.UPSTREAM_HTTP, endpoint + " failed"
                + (upstreamStatus > 0 ? " with HTTP " + upstreamStatus : "")
                + Codes.describe(serverCode)
                + (detail == null ? "" : ": " + detail));
        this.endpoint = endpoint;
        this.upstreamStatus = upstreamStatus;
        this.serverCode = Codes.safe(serverCode);
    }

    /** The server's error code ({@code invalid_client}, …), or null. */
    public String serverCode() {
        return serverCode;
    }

    /** Which DeOAuth call failed: {@code get_token}, {@code refresh} or {@code logout}. */
    public String endpoint() {
        return endpoint;
    }

    public int upstreamStatus() {
        return upstreamStatus;
    }
}
