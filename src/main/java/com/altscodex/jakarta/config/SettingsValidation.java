package com.altscodex.jakarta.config;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.net.URI;
import java.util.Locale;
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
                    + (settings.redis() == null ? "in memory" : "in Redis at " + settings.redis()));
            warnIfPlainHttp(settings.redirectUri());
        } catch (InvalidSettingsException e) {
            LOG.severe(e.getMessage());
            event.addDeploymentProblem(e);
        }
    }

    /** The callback carries a single-use code: in the open it belongs on HTTPS. */
    static boolean warnIfPlainHttp(String redirectUri) {
        URI uri = URI.create(redirectUri);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if ("http".equalsIgnoreCase(uri.getScheme()) && !local) {
            LOG.warning(() -> SettingsReader.REDIRECT_URI + "=" + redirectUri + " is plain HTTP on " + host
                    + ": the DeOAuth callback carries a single-use code; use https:// outside localhost");
            return true;
        }
        return false;
    }
}
