package com.altscodex.jakarta.error;

/** The stable codes a failed login answers with, and the HTTP status each maps to. */
public enum ErrorCode {
    BAD_REQUEST(400),
    EXPIRED_TOKEN(401),
    /** The client sent its body more slowly than {@code altscodex.body-timeout} allows. */
    BODY_TIMEOUT(408),
    CALLBACK_TIMEOUT(408),
    /** The body is larger than {@code altscodex.max-body}: refused before it is read. */
    PAYLOAD_TOO_LARGE(413),
    /** The body is neither JSON nor a form, or not in UTF-8. */
    UNSUPPORTED_MEDIA_TYPE(415),
    AUTHORIZE_FAILED(502),
    CALLBACK_REJECTED(502),
    UPSTREAM_HTTP(502),
    /** The DeOAuth server is failing (circuit breaker open): refused at once, nothing sent. */
    UPSTREAM_UNAVAILABLE(502),
    /** Too many logins wait already ({@code altscodex.max-pending}); answered with Retry-After. */
    OVERLOADED(503),
    /** The shared pending-login store (Redis) cannot be reached: refused at once. */
    STORE_UNAVAILABLE(503),
    SHUTDOWN(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
