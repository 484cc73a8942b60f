package com.altscodex.jakarta.session;

import com.altscodex.jakarta.config.SettingsReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes {@link SessionMechanism} a bean where {@code altscodex.session.enabled=true}, and only there:
 * Jakarta Security takes the one mechanism an application has, so an application that embeds the
 * module with sessions off keeps its own. Added, not vetoed: Open Liberty records a mechanism it
 * sees discovered even when another extension vetoes it, and then fails every request of the
 * application with 403. A malformed value is left to the settings check, which fails the deployment
 * naming it.
 */
public class SessionMechanismExtension implements Extension {

    void addWhereOn(@Observes BeforeBeanDiscovery event) {
        Config config = ConfigProvider.getConfig();
        if (SettingsReader.sessionsEnabled(key -> config.getOptionalValue(key, String.class))) {
            event.addAnnotatedType(SessionMechanism.class, SessionMechanism.class.getName())
                    .add(ApplicationScoped.Literal.INSTANCE);
        }
    }
}
