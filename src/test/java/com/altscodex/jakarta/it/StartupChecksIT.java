package com.altscodex.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.TestCa;
import com.altscodex.jakarta.it.Http.Answer;
import com.altscodex.jakarta.pending.GuideAclGrant;
import com.altscodex.jakarta.pending.LocalRedis;
import com.altscodex.jakarta.pending.LocalTlsRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mistakes the guides spend pages on, caught when the WAR is deployed on a stock server; a
 * configuration that cannot work failing the deployment with one message naming every bad key; and
 * a Redis the module cannot use as configured (a certificate of another CA, an ACL user without
 * EVALSHA) told at start by key and command. The six servers start side by side (one start-up's
 * wait, not six): each test reads its own.
 */
class StartupChecksIT {
    private static final String ACL_PASSWORD = "acl-pw-startup-4d7e";
    private static ServerProcess wrongCallbackPath;
    private static ServerProcess wrongContextRoot;
    private static ServerProcess plainHttp;
    private static ServerProcess misconfigured;
    private static ServerProcess redisWrongCa;
    private static ServerProcess redisWithoutEvalsha;
    private static LocalTlsRedis tlsRedis;
    private static LocalRedis aclRedis;
    private static TestCa otherCa;

    @BeforeAll
    static void startSixMisconfiguredServers() throws Exception {
        int[] ports = {ServerProcess.freePort(), ServerProcess.freePort(), ServerProcess.freePort(),
                ServerProcess.freePort(), ServerProcess.freePort(), ServerProcess.freePort()};
        // a Redis whose certificate one CA signed, given to a module that trusts another
        Path certificates = Files.createTempDirectory("startup-tls");
        TestCa redisCa = TestCa.shared("test-ca");
        otherCa = TestCa.shared("other-ca");
        tlsRedis = new LocalTlsRedis(redisCa.issue("redis", "ip:127.0.0.1,dns:localhost"), null, certificates);
        Map<String, String> wrongCa = new HashMap<>(settings("http://127.0.0.1:" + ports[4] + "/api/getinfo"));
        wrongCa.putAll(Map.of("ALTSCODEX_PENDING_STORE", "redis", "ALTSCODEX_REDIS_URI", "rediss://127.0.0.1:" + tlsRedis.port() + "/0",
                "ALTSCODEX_REDIS_CA_FILE", otherCa.pem().toString()));
        // an ACL user given everything the guide says but EVALSHA
        aclRedis = LocalRedis.onFreePort();
        assertEquals("OK", aclRedis.cli("ACL", "SETUSER", "no-evalsha", "on", ">" + ACL_PASSWORD,
                GuideAclGrant.RULES.replace(" +evalsha", "")).trim());
        Map<String, String> withoutEvalsha = new HashMap<>(settings("http://127.0.0.1:" + ports[5] + "/api/getinfo"));
        withoutEvalsha.putAll(Map.of("ALTSCODEX_PENDING_STORE", "redis",
                "ALTSCODEX_REDIS_URI", "redis://no-evalsha:" + ACL_PASSWORD + "@127.0.0.1:" + aclRedis.port() + "/0"));
        List<ServerProcess> servers = ServerProcess.startTogether(List.of(
                // the guides' example path, where our WAR has no callback
                new ServerProcess.Launch("wrong-callback-path", ports[0], settings("http://127.0.0.1:" + ports[0] + "/getinfo")),
                new ServerProcess.Launch("wrong-context-root", ports[1], settings("http://127.0.0.1:" + ports[1] + "/shop/api/getinfo")),
                new ServerProcess.Launch("plain-http", ports[2], settings("http://game.example/api/getinfo")),
                new ServerProcess.Launch("misconfigured", ports[3], Map.of(
                        "ALTSCODEX_CLIENT_ID", "some-client",
                        "ALTSCODEX_REDIRECT_URI", "getinfo",
                        "ALTSCODEX_AUTHORIZE_TIMEOUT", "soon",
                        "ALTSCODEX_AUTH_SERVER_URL", "https://oauth.altscodex.com")),
                new ServerProcess.Launch("redis-wrong-ca", ports[4], wrongCa),
                new ServerProcess.Launch("redis-without-evalsha", ports[5], withoutEvalsha)));
        wrongCallbackPath = servers.get(0);
        wrongContextRoot = servers.get(1);
        plainHttp = servers.get(2);
        misconfigured = servers.get(3);
        redisWrongCa = servers.get(4);
        redisWithoutEvalsha = servers.get(5);
    }

    private static Map<String, String> settings(String redirectUri) {
        return Map.of("ALTSCODEX_CLIENT_ID", "c", "ALTSCODEX_CLIENT_SECRET", "s",
                "ALTSCODEX_SESSION_SIGNING_KEYS", ItEnvironment.SESSION_KEY,
                "ALTSCODEX_REDIRECT_URI", redirectUri);
    }

    @AfterAll
    static void stopThem() throws Exception {
        for (ServerProcess server : new ServerProcess[] {wrongCallbackPath, wrongContextRoot, plainHttp, misconfigured,
                redisWrongCa, redisWithoutEvalsha}) {
            if (server != null) {
                server.close();
            }
        }
        if (tlsRedis != null) {
            tlsRedis.close();
        }
        if (aclRedis != null) {
            aclRedis.close();
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

    @Test
    void aRedisCertificateOfAnotherCaIsToldAtStartNamingTheKeys() throws Exception {
        List<String> told = awaitLine(redisWrongCa, "refused the TLS handshake");
        assertTrue(ServerProcess.atWarningOrAbove(told.get(0)) && told.get(0).contains("altscodex.redis.ca-file")
                && told.get(0).contains(otherCa.pem().toString()), told.get(0));
        Answer ready = Http.get(redisWrongCa.healthUrl() + "/ready");
        assertEquals(503, ready.status(), ready.body());
        assertTrue(ready.body().contains("pending-login-store-unreachable"), ready.body());
    }

    @Test
    void anAclUserWithoutEvalshaIsToldOnceAtStart() throws Exception {
        List<String> told = awaitLine(redisWithoutEvalsha, "may not run");
        assertTrue(ServerProcess.atWarningOrAbove(told.get(0)) && told.get(0).contains("may not run EVALSHA,")
                && told.get(0).contains("+evalsha"), told.get(0));
        assertEquals(1, told.size(), "once, not per login: " + told);
        assertFalse(redisWithoutEvalsha.log().contains(ACL_PASSWORD), "no password in the log");
    }

    /** The log's lines holding {@code text}, once there is one (the check runs beside the start). */
    private static List<String> awaitLine(ServerProcess server, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> lines = server.logLines(text);
        while (lines.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            lines = server.logLines(text);
        }
        assertFalse(lines.isEmpty(), "no line with '" + text + "' in " + server.logFile());
        return lines;
    }
}
