package com.altscodex.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A configuration that cannot work fails the deployment, with one message naming every bad key; a
 * missing session signing key among them (the WAR issues sessions).
 */
class MisconfigurationIT {

    @Test
    void missingAndMalformedKeysFailTheDeploymentByName() throws Exception {
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start("misconfigured", port, Map.of(
                "ALTSCODEX_CLIENT_ID", "some-client",
                "ALTSCODEX_REDIRECT_URI", "getinfo",
                "ALTSCODEX_AUTHORIZE_TIMEOUT", "soon",
                "ALTSCODEX_AUTH_SERVER_URL", "https://oauth.altscodex.com"))) {
            String log = server.log();
            assertTrue(log.contains("AltsCodex configuration is invalid (5 problems)"), log);
            assertTrue(log.contains("oauth.altscodex.com, a host that does not exist"));
            assertTrue(log.contains("use https://api.altscodex.com"));
            assertTrue(log.contains("altscodex.client-secret is missing"));
            assertTrue(log.contains("ALTSCODEX_CLIENT_SECRET"));
            assertTrue(log.contains("altscodex.redirect-uri='getinfo' is not an absolute http(s) URL"));
            assertTrue(log.contains("altscodex.authorize-timeout='soon' is not a positive duration"));
            // the WAR issues sessions: without a key it cannot, and says how to make one
            assertTrue(log.contains("altscodex.session.signing-keys is missing"));
            assertTrue(log.contains("openssl rand -base64 32"));
            assertTrue(log.contains("ALTSCODEX_SESSION_SIGNING_KEYS"));
            assertFalse(log.contains("some-client:"), "no credentials pair in the log");
            // the application is not there: nothing half-configured answers logins
            assertEquals(404, Http.login(server.baseUrl(), "test-jwt").status());
            server.stop();
        }
    }
}
