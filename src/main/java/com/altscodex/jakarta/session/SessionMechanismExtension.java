package com.altscodex.jakarta.session;

import com.altscodex.jakarta.config.SettingsReader;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps {@link SessionMechanism} from being a bean unless {@code altscodex.session.enabled=true}:
 * Jakarta Security takes the one mechanism an application has, so an application that embeds the
 * module with sessions off keeps its own. A malformed value is left to the settings check, which
 * fails the deployment naming it.
 */
public class SessionMechanismExtension implements Extension {

    void vetoWhereOff(@Observes ProcessAnnotatedType<SessionMechanism> type) {
        Config config = ConfigProvider.getConfig();
        if (!SettingsReader.sessionsEnabled(key -> config.getOptionalValue(key, String.class))) {
            type.veto();
        }
    }
}
