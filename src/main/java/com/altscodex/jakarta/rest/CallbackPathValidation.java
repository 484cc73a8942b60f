package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.config.SettingsReader;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Fails the deployment of our WAR when {@code altscodex.redirect-uri} cannot reach its callback.
 * It runs before the servlet context exists, so it checks the path below the context root;
 * {@link CallbackPathCheck} checks the whole path once the context starts (Payara Micro reports
 * a WAR deployed before that, so only this check can stop the deployment itself).
 */
public class CallbackPathValidation implements Extension {
    private static final Logger LOG = Logger.getLogger(CallbackPathValidation.class.getName());

    void validate(@Observes AfterDeploymentValidation event) {
        Config config = ConfigProvider.getConfig();
        boolean enforce = CallbackPathCheck.enforced(config);
        String problem = config.getOptionalValue(SettingsReader.REDIRECT_URI, String.class)
                .filter(uri -> enforce)
                .map(uri -> CallbackPathCheck.ourWarMismatch(uri, Thread.currentThread().getContextClassLoader()))
                .orElse(null);
        if (problem != null) {
            LOG.severe(problem);
            event.addDeploymentProblem(new IllegalStateException(problem));
        }
    }
}
