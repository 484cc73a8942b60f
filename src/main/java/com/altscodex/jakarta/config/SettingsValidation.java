package com.altscodex.jakarta.config;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
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
                    + ", authorize timeout " + settings.authorizeTimeout());
        } catch (InvalidSettingsException e) {
            LOG.severe(e.getMessage());
            event.addDeploymentProblem(e);
        }
    }
}
