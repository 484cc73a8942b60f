package com.altscodex.jakarta.session;

import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.InvalidSettingsException;
import com.altscodex.jakarta.config.SettingsReader;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Declares the groups of {@code altscodex.session.groups} as the application's security roles, as a
 * {@code <security-role>} in web.xml would: Payara maps a caller's groups only to declared roles,
 * so without this {@code isUserInRole("player")} is false and {@code @RolesAllowed("player")}
 * refuses the very caller it names. A configuration that cannot be read is left to the settings
 * check, which fails the deployment naming the key.
 */
public class SessionRolesDeclaration implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        AltsCodexSettings settings;
        try {
            Config config = ConfigProvider.getConfig();
            settings = SettingsReader.read(key -> config.getOptionalValue(key, String.class));
        } catch (InvalidSettingsException reportedElsewhere) {
            return;
        }
        if (settings.session().enabled()) {
            try {
                context.declareRoles(settings.session().groups().toArray(String[]::new));
            } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException declaredAlready) {
                // the application declares its roles itself
            }
        }
    }
}
