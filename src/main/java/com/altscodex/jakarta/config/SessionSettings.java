package com.altscodex.jakarta.config;

import java.time.Duration;
import java.util.List;

/**
 * The sessions a login issues ({@code altscodex.session.*}).
 *
 * @param enabled whether a login issues a session and the authentication mechanism checks them
 * @param keys the signing keys, the first signing; null when sessions are off
 * @param ttl how long a session is accepted after login
 * @param cookieName the name of the session cookie
 * @param groups the groups (roles) a session's user is in
 * @param secureCookie whether the cookie is {@code Secure}: always, but where the redirect URI is
 *                     plain http on this machine (development)
 */
public record SessionSettings(boolean enabled, SigningKeys keys, Duration ttl, String cookieName, List<String> groups,
        boolean secureCookie) {
    public static final Duration DEFAULT_TTL = Duration.ofHours(12);
    public static final String DEFAULT_COOKIE_NAME = "altscodex_session";
    public static final List<String> DEFAULT_GROUPS = List.of("player");

    /** Sessions off, as the embeddable jar starts. */
    public static final SessionSettings OFF =
            new SessionSettings(false, null, DEFAULT_TTL, DEFAULT_COOKIE_NAME, DEFAULT_GROUPS, true);

    public SessionSettings {
        if (enabled && keys == null) {
            throw new IllegalArgumentException("sessions need signing keys");
        }
        groups = List.copyOf(groups);
    }
}
