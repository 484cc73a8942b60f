package com.altscodex.jakarta.config;

import com.altscodex.jakarta.client.ClientCredentials;
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
 */
public record AltsCodexSettings(ClientCredentials credentials, String redirectUri,
        URI authServerUrl, URI platformUrl, Duration authorizeTimeout, Duration httpTimeout) {

    public String clientId() {
        return credentials.clientId();
    }
}
