package com.altscodex.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mistakes the guides spend pages on, caught when the WAR is deployed on a stock server, and a
 * configuration that cannot work failing the deployment with one message naming every bad key. The
 * four servers start side by side (one start-up's wait, not four): each test reads its own.
 */
class StartupChecksIT {
    private static ServerProcess wrongCallbackPath;
    private static ServerProcess wrongContextRoot;
    private static ServerProcess plainHttp;
    private static ServerProcess misconfigured;

    @BeforeAll
    static void startFourMisconfiguredServers() throws Exception {
        int[] ports = {ServerProcess.freePort(), ServerProcess.freePort(), ServerProcess.freePort(),
                ServerProcess.freePort()};
        List<ServerProcess> servers = ServerProcess.startTogether(List.of(
                // the guides' example path, where our WAR has no callback
                new ServerProcess.Launch("wrong-callback-path", ports[0], settings("http://127.0.0.1:" + ports[0] + "/getinfo")),
                new ServerProcess.Launch("wrong-context-root", ports[1], settings("http://127.0.0.1:" + ports[1] + "/shop/api/getinfo")),
                new ServerProcess.Launch("plain-http", ports[2], settings("http://game.example/api/getinfo")),
                new ServerProcess.Launch("misconfigured", ports[3], Map.of(
                        "ALTSCODEX_CLIENT_ID", "some-client",
                        "ALTSCODEX_REDIRECT_URI", "getinfo",
                        "ALTSCODEX_AUTHORIZE_TIMEOUT", "soon",
                        "ALTSCODEX_AUTH_SERVER_URL", "https://oauth.altscodex.com"))));
        wrongCallbackPath = servers.get(0);
        wrongContextRoot = servers.get(1);
        plainHttp = servers.get(2);
        misconfigured = servers.get(3);
    }

    private static Map<String, String> settings(String redirectUri) {
        return Map.of("ALTSCODEX_CLIENT_ID", "c", "ALTSCODEX_CLIENT_SECRET", "s",
                "ALTSCODEX_SESSION_SIGNING_KEYS", ItEnvironment.SESSION_KEY,
                "ALTSCODEX_REDIRECT_URI", redirectUri);
    }

    @AfterAll
    static void stopThem() throws Exception {
        for (ServerProcess server : new ServerProcess[] {wrongCallbackPath, wrongContextRoot, plainHttp, misconfigured}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void aRedirectUriThatMissesTheCallbackFailsTheDeployment() throws Exception {
        String log = wrongCallbackPath.log();
        assertTrue(log.contains("altscodex.redirect-uri points at the path /getinfo, but the callback"
                + " CallbackResource is mounted at <context root>/api/getinfo"), log);
        assertTrue(log.contains("altscodex.check-callback-path=false"));
        assertEquals(404, Http.login(wrongCallbackPath.baseUrl(), "test-jwt").status(), "the WAR must not be deployed");
    }

    @Test
    void aContextRootThatMissesTheCallbackStopsTheApplication() throws Exception {
        String log = wrongContextRoot.log();
        assertTrue(log.contains("altscodex.redirect-uri points at the path /shop/api/getinfo, but the callback"
                + " CallbackResource is mounted at /api/getinfo"), log);
        assertTrue(Http.login(wrongContextRoot.baseUrl(), "test-jwt").status() >= 404, "no login is served");
    }

    @Test
    void aPlainHttpRedirectUriOnAPublicHostIsWarnedAbout() throws Exception {
        String log = plainHttp.log();
        List<String> warned = plainHttp.logLines("is plain HTTP on game.example");
        assertTrue(!warned.isEmpty() && ServerProcess.atWarningOrAbove(warned.get(0)), log);
        assertEquals(200, Http.get(plainHttp.baseUrl() + "/api/login-url").status(), "a warning only: it deploys");
    }

    @Test
    void missingAndMalformedKeysFailTheDeploymentByName() throws Exception {
        String log = misconfigured.log();
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
        assertEquals(404, Http.login(misconfigured.baseUrl(), "test-jwt").status());
    }
}
