package com.altscodex.jakarta.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Login links for clients without a browser ({@code altscodex.links.*}).
 *
 * @param apiKeyHashes SHA-256 of each API key a caller may issue and poll links with; the keys
 *                     themselves are not kept. Empty: only a caller in {@code issuerRole} may
 * @param issuerRole the Jakarta Security role that may issue and poll links instead of an API key
 * @param ttl how long a link can be used after it is issued
 * @param webhookSecret the HMAC key of webhook signatures, or null for no webhooks
 * @param maxPending how many links may wait for their user at once; more is 503 OVERLOADED
 * @param webhookAllowedHosts the webhook hosts ({@code host} or {@code host:port}, lower case) that
 *                            may be called over plain http and inside this network
 *                            ({@code altscodex.links.webhook-allowed-hosts})
 */
public record LinkSettings(List<byte[]> apiKeyHashes, String issuerRole, Duration ttl, byte[] webhookSecret,
        int maxPending, Set<String> webhookAllowedHosts) {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);
    public static final int DEFAULT_MAX_PENDING = 10_000;
    public static final String DEFAULT_ISSUER_ROLE = "link-issuer";
    /** An API key or webhook secret shorter than this is guessable. */
    public static final int MIN_SECRET_LENGTH = 16;

    public static final LinkSettings NONE =
            new LinkSettings(List.of(), DEFAULT_ISSUER_ROLE, DEFAULT_TTL, null, DEFAULT_MAX_PENDING);

    public LinkSettings {
        apiKeyHashes = List.copyOf(apiKeyHashes);
        webhookAllowedHosts = Set.copyOf(webhookAllowedHosts);
    }

    /** Without any webhook host allowed past the checks. */
    public LinkSettings(List<byte[]> apiKeyHashes, String issuerRole, Duration ttl, byte[] webhookSecret, int maxPending) {
        this(apiKeyHashes, issuerRole, ttl, webhookSecret, maxPending, Set.of());
    }

    @Override
    public String toString() {
        return "LinkSettings[apiKeys=" + apiKeyHashes.size() + ", issuerRole=" + issuerRole + ", ttl=" + ttl
                + ", webhooks=" + (webhookSecret != null) + ", maxPending=" + maxPending
                + ", webhookAllowedHosts=" + webhookAllowedHosts + "]";
    }
}
