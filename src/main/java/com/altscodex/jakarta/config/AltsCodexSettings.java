package com.altscodex.jakarta.config;

import java.net.URI;
import java.time.Duration;

/**
 * The module's settings, read once and validated by {@link SettingsReader}.
 *
 * @param redirectUri the registered callback URL, kept exactly as configured: the DeOAuth
 *                    server compares it character for character
 * @param authServerUrl the DeOAuth server, without a trailing slash
 * @param platformUrl the platform that serves the browser login page, without a trailing slash
 * @param authorizeTimeout how long a login waits for its callback
 * @param httpTimeout connect and read timeout of each call to the DeOAuth server
 * @param maxPending how many logins may wait at once before new ones are refused (OVERLOADED)
 * @param checkCallbackPath whether a callback mounted elsewhere than the redirect URI's path
 *                          fails the deployment
 * @param redis the shared store of waiting logins, or null to keep them in this process
 * @param limits what a client's request may hold and how long it may take to send it
 * @param session the sessions a login issues, {@link SessionSettings#OFF} for none
 * @param links login links for clients without a browser, {@link LinkSettings#NONE} for no API key
 * @param security the origins allowed to call, the trusted proxies and the limits on failed attempts
 */
public record AltsCodexSettings(ClientCredentials credentials, String redirectUri,
        URI authServerUrl, URI platformUrl, Duration authorizeTimeout, Duration httpTimeout,
        int maxPending, boolean checkCallbackPath, RedisLocation redis, RequestLimits limits,
        SessionSettings session, LinkSettings links, SecuritySettings security) {

    /** The default of {@code altscodex.max-pending}. */
    public static final int DEFAULT_MAX_PENDING = 20_000;

    /** The settings the four required values make, with every default. */
    public static AltsCodexSettings of(ClientCredentials credentials, String redirectUri, URI authServerUrl,
            URI platformUrl, Duration authorizeTimeout) {
        return new AltsCodexSettings(credentials, redirectUri, authServerUrl, platformUrl, authorizeTimeout,
                Duration.ofSeconds(10), DEFAULT_MAX_PENDING, true, null, RequestLimits.DEFAULTS, SessionSettings.OFF,
                LinkSettings.NONE, SecuritySettings.forRedirect(redirectUri));
    }

    /** @return these settings with another bound on waiting logins */
    public AltsCodexSettings withMaxPending(int max) {
        return new AltsCodexSettings(credentials, redirectUri, authServerUrl, platformUrl, authorizeTimeout,
                httpTimeout, max, checkCallbackPath, redis, limits, session, links, security);
    }

    /** The same settings with the waiting logins shared through Redis. */
    public AltsCodexSettings withRedis(RedisLocation location) {
        return new AltsCodexSettings(credentials, redirectUri, authServerUrl, platformUrl, authorizeTimeout,
                httpTimeout, maxPending, checkCallbackPath, location, limits, session, links, security);
    }

    /** The same settings with these sessions. */
    public AltsCodexSettings withSession(SessionSettings sessions) {
        return new AltsCodexSettings(credentials, redirectUri, authServerUrl, platformUrl, authorizeTimeout,
                httpTimeout, maxPending, checkCallbackPath, redis, limits, sessions, links, security);
    }

    /** The same settings with these login links. */
    public AltsCodexSettings withLinks(LinkSettings links) {
        return new AltsCodexSettings(credentials, redirectUri, authServerUrl, platformUrl, authorizeTimeout,
                httpTimeout, maxPending, checkCallbackPath, redis, limits, session, links, security);
    }

    /** The same settings with these origins, proxies and limits. */
    public AltsCodexSettings withSecurity(SecuritySettings security) {
        return new AltsCodexSettings(credentials, redirectUri, authServerUrl, platformUrl, authorizeTimeout,
                httpTimeout, maxPending, checkCallbackPath, redis, limits, session, links, security);
    }

    /** @return the client id ({@code altscodex.client-id}) */
    public String clientId() {
        return credentials.clientId();
    }
}
