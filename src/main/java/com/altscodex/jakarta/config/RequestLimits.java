package com.altscodex.jakarta.config;

import java.time.Duration;

/**
 * What the module accepts from a client before it spends anything on a request.
 *
 * @param maxBody the largest request body read, in bytes ({@code altscodex.max-body}); larger is 413
 * @param maxJwtLength the longest JWT sent on to the DeOAuth server, in characters
 *                     ({@code altscodex.max-jwt-length}); longer is 400
 * @param bodyTimeout how long a client may take to send its whole body ({@code altscodex.body-timeout});
 *                    slower is 408
 */
public record RequestLimits(int maxBody, int maxJwtLength, Duration bodyTimeout) {
    /** A JWT is 1–2 KB; four times that leaves room for any real one. */
    public static final int DEFAULT_MAX_JWT_LENGTH = 8 * 1024;
    public static final int DEFAULT_MAX_BODY = 16 * 1024;
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(10);
    /** {@code {"jwt":""}} around the longest JWT, with room for spaces and other members. */
    static final int JSON_ROOM = 64;

    public static final RequestLimits DEFAULTS =
            new RequestLimits(DEFAULT_MAX_BODY, DEFAULT_MAX_JWT_LENGTH, DEFAULT_BODY_TIMEOUT);

    public RequestLimits {
        if (maxBody <= 0 || maxJwtLength <= 0 || bodyTimeout == null || bodyTimeout.isNegative()
                || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("request limits must be positive");
        }
    }
}
