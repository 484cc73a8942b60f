package com.altscodex.jakarta.dev;

import java.util.Locale;

/**
 * What the mock DeOAuth server does with one login. Chosen per JWT: scripted with
 * {@link MockDeOAuthServer#script}, or by the JWT's first word ({@code expired-…},
 * {@code reject-…}, …) so that every outcome can be tried by hand with curl.
 */
public enum MockBehaviour {
    /** authorize succeeds, the callback follows, get_token returns the slot. */
    SUCCESS,
    /** authorize answers {@code success:false, code:EXPIRED_TOKEN}. */
    EXPIRED,
    /** authorize answers {@code success:false} with another code. */
    FAIL,
    /** the callback says {@code success=0}. */
    REJECT,
    /** authorize succeeds and no callback ever comes. */
    TIMEOUT,
    /** get_token answers HTTP 500. */
    TOKENERROR,
    /** get_token answers slowly (3 s unless {@link MockDeOAuthServer#slowDelay} says otherwise). */
    SLOW,
    /** the callback is sent twice. */
    DUPLICATE,
    /** the callback is sent, and answered, before authorize answers. */
    EARLY;

    /** The behaviour named by the JWT's first word ({@code reject-alice} → REJECT), else SUCCESS. */
    public static MockBehaviour forJwt(String jwt) {
        String word = jwt.split("[-_.:]", 2)[0].toUpperCase(Locale.ROOT);
        for (MockBehaviour behaviour : values()) {
            if (behaviour.name().equals(word)) {
                return behaviour;
            }
        }
        return SUCCESS;
    }
}
