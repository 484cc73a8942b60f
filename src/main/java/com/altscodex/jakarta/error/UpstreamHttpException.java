package com.altscodex.jakarta.error;

/**
 * A DeOAuth call other than authorize failed: a non-2xx answer, an answer we cannot read, or no
 * answer at all (502). {@link #upstreamStatus()} keeps the server's status, 0 when there was none.
 */
public final class UpstreamHttpException extends AltsCodexException {
    private static final long serialVersionUID = 1L;

    private final String endpoint;
    private final int upstreamStatus;

    public UpstreamHttpException(String endpoint, int upstreamStatus, String detail) {
        super(ErrorCode.UPSTREAM_HTTP, endpoint + " failed"
                + (upstreamStatus > 0 ? " with HTTP " + upstreamStatus : "")
                + (detail == null ? "" : ": " + detail));
        this.endpoint = endpoint;
        this.upstreamStatus = upstreamStatus;
    }

    /** Which DeOAuth call failed: {@code get_token}, {@code refresh} or {@code logout}. */
    public String endpoint() {
        return endpoint;
    }

    public int upstreamStatus() {
        return upstreamStatus;
    }
}
