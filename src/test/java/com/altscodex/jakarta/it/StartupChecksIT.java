package com.altscodex.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mistakes the guides spend pages on, caught when the WAR is deployed on a stock server. */
class StartupChecksIT {

    @Test
    void aRedirectUriThatMissesTheCallbackFailsTheDeployment() throws Exception {
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start("wrong-callback-path", port, Map.of(
                "ALTSCODEX_CLIENT_ID", "c", "ALTSCODEX_CLIENT_SECRET", "s",
                "ALTSCODEX_SESSION_SIGNING_KEYS", ItEnvironment.SESSION_KEY,
                // the guides' example path, where our WAR has no callback
                "ALTSCODEX_REDIRECT_URI", "http://127.0.0.1:" + port + "/getinfo"))) {
            String log = server.log();
            assertTrue(log.contains("altscodex.redirect-uri points at the path /getinfo, but the callback"
                    + " CallbackResource is mounted at <context root>/api/getinfo"), log);
            assertTrue(log.contains("altscodex.check-callback-path=false"));
            assertEquals(404, Http.login(server.baseUrl(), "test-jwt").status(), "the WAR must not be deployed");
            server.stop();
        }
    }

    @Test
    void aContextRootThatMissesTheCallbackStopsTheApplication() throws Exception {
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start("wrong-context-root", port, Map.of(
                "ALTSCODEX_CLIENT_ID", "c", "ALTSCODEX_CLIENT_SECRET", "s",
                "ALTSCODEX_SESSION_SIGNING_KEYS", ItEnvironment.SESSION_KEY,
                "ALTSCODEX_REDIRECT_URI", "http://127.0.0.1:" + port + "/shop/api/getinfo"))) {
            String log = server.log();
            assertTrue(log.contains("altscodex.redirect-uri points at the path /shop/api/getinfo, but the callback"
                    + " CallbackResource is mounted at /api/getinfo"), log);
            assertTrue(Http.login(server.baseUrl(), "test-jwt").status() >= 404, "no login is served");
            server.stop();
        }
    }

    @Test
    void aPlainHttpRedirectUriOnAPublicHostIsWarnedAbout() throws Exception {
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start("plain-http", port, Map.of(
                "ALTSCODEX_CLIENT_ID", "c", "ALTSCODEX_CLIENT_SECRET", "s",
                "ALTSCODEX_SESSION_SIGNING_KEYS", ItEnvironment.SESSION_KEY,
                "ALTSCODEX_REDIRECT_URI", "http://game.example/api/getinfo"))) {
            String log = server.log();
            List<String> warned = server.logLines("is plain HTTP on game.example");
            assertTrue(!warned.isEmpty() && ServerProcess.atWarningOrAbove(warned.get(0)), log);
            assertEquals(200, Http.get(server.baseUrl() + "/api/login-url").status(), "a warning only: it deploys");
            server.stop();
        }
    }
}
