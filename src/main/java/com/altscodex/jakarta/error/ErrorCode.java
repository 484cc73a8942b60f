package com.altscodex.jakarta.error;

/** The stable codes a failed login or a refused session answers with, and the HTTP status each maps to. */
public enum ErrorCode {
    /** The request lacks what it needs (a JWT, a code, a well-formed body) or carries something malformed. */
    BAD_REQUEST(400),
    /** A login link's {@code webhook_url} would reach this server's own network, or is not a URL one may call. */
    WEBHOOK_URL_REFUSED(400),
    /** The DeOAuth server refused the browser's JWT as expired: get a fresh one. */
    EXPIRED_TOKEN(401),
    /** A protected resource, and the request carries no session. */
    SESSION_REQUIRED(401),
    /** The session token is malformed, tampered with, or signed with a key this server does not hold. */
    SESSION_INVALID(401),
    /** The session is past its {@code altscodex.session.ttl}: log in again. */
    SESSION_EXPIRED(401),
    /** The session was ended by its logout (or a logout everywhere) before its expiry. */
    SESSION_REVOKED(401),
    /** Issuing or polling a login link without a valid {@code altscodex.links.api-keys} key (or the issuer role). */
    API_KEY_INVALID(401),
    /** No such login link: its token or id is not one of this server's. */
    LINK_NOT_FOUND(404),
    /** The login link has been used already: a link logs in once. */
    LINK_USED(409),
    /** The login link's time ({@code altscodex.links.ttl}) ran out before it was used. */
    LINK_EXPIRED(410),
    /** The session's user lacks the role the resource requires. */
    FORBIDDEN(403),
    /** A state-changing request came from another site's page (its Origin is not one of the allowed origins). */
    CROSS_SITE_REQUEST(403),
    /** The client sent its body more slowly than {@code altscodex.body-timeout} allows. */
    BODY_TIMEOUT(408),
    /** No callback came for the login within {@code altscodex.authorize-timeout}. */
    CALLBACK_TIMEOUT(408),
    /** The body is larger than {@code altscodex.max-body}: refused before it is read. */
    PAYLOAD_TOO_LARGE(413),
    /** The body is neither JSON nor a form, or not in UTF-8. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** This client address failed too often (wrong codes, tokens or API keys): answered with Retry-After. */
    RATE_LIMITED(429),
    /** The DeOAuth server refused the authorize request. */
    AUTHORIZE_FAILED(502),
    /** The callback reported a failure ({@code success} other than true) or came without a code. */
    CALLBACK_REJECTED(502),
    /** The DeOAuth server answered with an HTTP error or an answer the module cannot read. */
    UPSTREAM_HTTP(502),
    /** The DeOAuth server is failing (circuit breaker open): refused at once, nothing sent. */
    UPSTREAM_UNAVAILABLE(502),
    /** Too many logins wait already ({@code altscodex.max-pending}); answered with Retry-After. */
    OVERLOADED(503),
    /** The shared pending-login store (Redis) cannot be reached: refused at once. */
    STORE_UNAVAILABLE(503),
    /** The server is shutting down: every waiting login is answered with this before it goes. */
    SHUTDOWN(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    /** @return the HTTP status an answer with this code carries */
    public int status() {
        return status;
    }
}
