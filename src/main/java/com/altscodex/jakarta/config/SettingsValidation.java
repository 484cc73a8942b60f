package com.altscodex.jakarta.config;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.net.URI;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Fails the deployment, not the first login, when the configuration cannot work: the message
 * names every bad key and how to set it.
 */
public class SettingsValidation implements Extension {
    private static final Logger LOG = Logger.getLogger(SettingsValidation.class.getName());

    void validate(@Observes AfterDeploymentValidation event) {
        try {
            AltsCodexSettings settings = ContainerProducers.readFrom(ConfigProvider.getConfig());
            LOG.info(() -> "AltsCodex configured: client " + settings.clientId() + ", DeOAuth server "
                    + settings.authServerUrl() + ", callback " + settings.redirectUri()
                    + ", authorize timeout " + settings.authorizeTimeout() + ", waiting logins "
                    + (settings.redis() == null ? "in memory" : "in Redis at " + settings.redis())
                    + ", " + describe(settings.session()) + ", " + describe(settings.security()));
            warnIfPlainHttp(settings.redirectUri());
        } catch (InvalidSettingsException e) {
            LOG.severe(e.getMessage());
            event.addDeploymentProblem(e);
        }
    }

    /** What a login issues, naming how many keys but never one of them. */
    static String describe(SessionSettings session) {
        return !session.enabled() ? "sessions off"
                : "sessions on (" + session.keys().size() + " signing key" + (session.keys().size() == 1 ? "" : "s")
                + ", ttl " + session.ttl() + ", cookie " + session.cookieName()
                + (session.secureCookie() ? "" : " without Secure, for plain http on this machine")
                + ", groups " + String.join(",", session.groups()) + ")";
    }

    /** Who may call from a browser, whose forwarded address is believed, and the budget of failures. */
    static String describe(SecuritySettings security) {
        LimitSettings limits = security.limits();
        return "allowed origins " + String.join(" ", security.allowedOrigins())
                + ", trusted proxies " + (security.trustedProxies().isEmpty() ? "none"
                        : security.trustedProxies().stream().map(AddressRange::toString).collect(java.util.stream.Collectors.joining(" ")))
                + ", failed attempts " + limits.burst() + " at once and " + limits.failuresPerMinute() + " a minute per address";
    }

    /** The callback carries a single-use code: in the open it belongs on HTTPS. */
    static boolean warnIfPlainHttp(String redirectUri) {
        URI uri = URI.create(redirectUri);
        if ("http".equalsIgnoreCase(uri.getScheme()) && !SettingsReader.plainHttpOnThisMachine(uri)) {
            LOG.warning(() -> SettingsReader.REDIRECT_URI + "=" + redirectUri + " is plain HTTP on " + uri.getHost()
                    + ": the DeOAuth callback carries a single-use code; use https:// outside localhost");
            return true;
        }
        return false;
    }
}
