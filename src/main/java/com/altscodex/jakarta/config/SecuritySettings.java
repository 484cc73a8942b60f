package com.altscodex.jakarta.config;

import java.util.List;
import java.util.Set;

/**
 * Who may call the module's browser-facing endpoints, and how it tells one client from another.
 *
 * @param allowedOrigins the origins whose pages may make state-changing requests and read answers
 *                       (CORS): the redirect URI's origin and {@code altscodex.allowed-origins},
 *                       each as {@code scheme://host[:port]}, lower case, without a default port
 * @param configuredOrigins the origins of {@code altscodex.allowed-origins} alone
 * @param trustedProxies the peers ({@code altscodex.trusted-proxies}) whose {@code X-Forwarded-For}
 *                       or {@code Forwarded} header names the client
 * @param limits the budget of failed attempts per client address
 */
public record SecuritySettings(Set<String> allowedOrigins, Set<String> configuredOrigins,
        List<AddressRange> trustedProxies, LimitSettings limits) {

    public SecuritySettings {
        allowedOrigins = Set.copyOf(allowedOrigins);
        configuredOrigins = Set.copyOf(configuredOrigins);
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** Only the redirect URI's origin, no proxy trusted, the default limits. */
    public static SecuritySettings forRedirect(String redirectUri) {
        return new SecuritySettings(Set.of(Origins.of(java.net.URI.create(redirectUri))), Set.of(), List.of(),
                LimitSettings.DEFAULTS);
    }
}
