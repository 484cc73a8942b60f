package com.altscodex.jakarta.session;

import com.altscodex.jakarta.config.SessionSettings;

/**
 * The session cookie's {@code Set-Cookie} values, written out rather than left to each runtime's
 * cookie class: {@code SameSite} is not in every one, and the three servers must send the same.
 */
final class SessionCookie {

    private SessionCookie() {
    }

    static String issue(SessionSettings settings, String token) {
        return settings.cookieName() + "=" + token + attributes(settings) + "; Max-Age=" + settings.ttl().toSeconds();
    }

    static String clear(SessionSettings settings) {
        return settings.cookieName() + "=" + attributes(settings) + "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
    }

    /** HttpOnly: no script reads it; Lax: another site's page cannot post with it; Secure off only on plain-http localhost. */
    private static String attributes(SessionSettings settings) {
        return "; Path=/; HttpOnly; SameSite=Lax" + (settings.secureCookie() ? "; Secure" : "");
    }
}
