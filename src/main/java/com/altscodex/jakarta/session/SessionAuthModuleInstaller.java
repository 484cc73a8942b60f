package com.altscodex.jakarta.session;

import com.altscodex.jakarta.config.SettingsReader;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Registers {@link SessionAuthModule} for the application where {@code altscodex.session.enabled=true},
 * and only there, so an application with sessions off keeps its own authentication; and removes it
 * when the application goes, since the registry outlives it (an application deployed again at the
 * same path, with sessions off, would otherwise meet the module of the one before). A malformed
 * value is left to the settings check, which fails the deployment naming it.
 */
public class SessionAuthModuleInstaller implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        Config config = ConfigProvider.getConfig();
        if (SettingsReader.sessionsEnabled(key -> config.getOptionalValue(key, String.class))) {
            AuthConfigFactory.getFactory().registerServerAuthModule(new SessionAuthModule(), context);
            context.addListener(new ServletContextListener() {
                @Override
                public void contextDestroyed(ServletContextEvent gone) {
                    AuthConfigFactory.getFactory().removeServerAuthModule(gone.getServletContext());
                }
            });
        }
    }
}
