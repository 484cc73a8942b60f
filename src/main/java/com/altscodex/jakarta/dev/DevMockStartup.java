package com.altscodex.jakarta.dev;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts the mock DeOAuth server inside the application when {@code altscodex.dev.mock-server=true},
 * for local development only. Off unless enabled, and loud when on.
 */
@ApplicationScoped
public class DevMockStartup {
    public static final String ENABLED = "altscodex.dev.mock-server";
    public static final String PORT = "altscodex.dev.mock-port";
    public static final String BEHAVIOUR = "altscodex.dev.mock-behaviour";
    private static final Logger LOG = Logger.getLogger(DevMockStartup.class.getName());

    private MockDeOAuthServer mock;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        Config config = ConfigProvider.getConfig();
        if (!config.getOptionalValue(ENABLED, Boolean.class).orElse(false)) {
            return;
        }
        int port = config.getOptionalValue(PORT, Integer.class).orElse(9999);
        MockBehaviour behaviour = MockBehaviour.parse(config.getOptionalValue(BEHAVIOUR, String.class).orElse("success"));
        try {
            mock = MockDeOAuthServer.start(port,
                    config.getValue("altscodex.client-id", String.class),
                    config.getValue("altscodex.client-secret", String.class));
            mock.defaultBehaviour(behaviour);
        } catch (IOException e) {
            throw new UncheckedIOException("the mock DeOAuth server could not listen on 127.0.0.1:" + port, e);
        }
        String banner = "*".repeat(78);
        LOG.warning("\n" + banner
                + "\n*  MOCK DeOAuth SERVER ON at " + mock.baseUri()
                + " (" + ENABLED + "=true), logins " + behaviour.word().toUpperCase(Locale.ROOT)
                + " unless the JWT's first word says otherwise"
                + "\n*  Logins are NOT checked by AltsCodex. For local development only: never enable it"
                + "\n*  in production. Point altscodex.auth-server-url at it to use it."
                + "\n" + banner);
    }

    @PreDestroy
    void stop() {
        if (mock != null) {
            mock.close();
        }
    }
}
