package com.altscodex.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.dev.MockDeOAuthServer;
import com.altscodex.jakarta.it.Http.Answer;
import com.altscodex.jakarta.pending.LocalRedis;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind a load balancer: two instances of one server with the same WAR, and the DeOAuth callback
 * always reaching instance B (the registered redirect URI), whichever instance started the login.
 * With the Redis store every login succeeds; with the in-memory store a login started on A waits
 * for a callback that B drops, and times out — the hole every sibling SDK documents.
 */
class ReplicasIT {
    private static final String CLIENT = "replicas-client";
    private static final String SECRET = "replicas-secret-73d1";

    private static Map<String, String> env(int callbackPort, String mockUrl, String redisUri) {
        Map<String, String> env = new HashMap<>(Map.of(
                "ALTSCODEX_CLIENT_ID", CLIENT,
                "ALTSCODEX_CLIENT_SECRET", SECRET,
                "ALTSCODEX_REDIRECT_URI", "http://127.0.0.1:" + callbackPort + "/api/getinfo",
                "ALTSCODEX_AUTH_SERVER_URL", mockUrl,
                "ALTSCODEX_AUTHORIZE_TIMEOUT", "8s",
                "ALTSCODEX_SESSION_SIGNING_KEYS", ItEnvironment.SESSION_KEY));
        if (redisUri != null) {
            env.put("ALTSCODEX_PENDING_STORE", "redis");
            env.put("ALTSCODEX_REDIS_URI", redisUri);
        }
        return env;
    }

    @Test
    void withRedisALoginOnAIsAnsweredThoughTheCallbackReachesB() throws Exception {
        try (LocalRedis redis = LocalRedis.onFreePort();
                MockDeOAuthServer mock = MockDeOAuthServer.start(0, CLIENT, SECRET)) {
            int portA = ServerProcess.freePort();
            int portB = ServerProcess.freePort();
            Map<String, String> env = env(portB, mock.baseUri().toString(), redis.uri());
            try (ServerProcess a = ServerProcess.start("replica-a", portA, env);
                    ServerProcess b = ServerProcess.start("replica-b", portB, env)) {
                Answer onA = Http.login(a.baseUrl(), "test-jwt-anna");
                assertEquals(200, onA.status(), onA.body());
                assertEquals("anna", onA.json().getJsonObject("data").getString("token_nickname"));
                Answer onB = Http.login(b.baseUrl(), "test-jwt-bert");
                assertEquals(200, onB.status(), onB.body());

                // a duplicated callback is exchanged once, and a rejection crosses over too
                int exchanges = mock.requests(MockDeOAuthServer.GET_TOKEN).size();
                assertEquals(200, Http.login(a.baseUrl(), "duplicate-cleo").status());
                Thread.sleep(300);
                assertEquals(exchanges + 1, mock.requests(MockDeOAuthServer.GET_TOKEN).size());
                assertEquals(502, Http.login(a.baseUrl(), "reject-dora").status());

                assertTrue(a.log().contains("waiting logins in Redis at redis://127.0.0.1:" + redis.port()), "A uses Redis");
                a.stop();
                b.stop();
            }
        }
    }

    @Test
    void inMemoryTheSameSetupTimesOut() throws Exception {
        try (MockDeOAuthServer mock = MockDeOAuthServer.start(0, CLIENT, SECRET)) {
            int portA = ServerProcess.freePort();
            int portB = ServerProcess.freePort();
            Map<String, String> env = env(portB, mock.baseUri().toString(), null);
            try (ServerProcess a = ServerProcess.start("memory-a", portA, env);
                    ServerProcess b = ServerProcess.start("memory-b", portB, env)) {
                Answer onA = Http.login(a.baseUrl(), "test-jwt-anna");
                assertEquals(408, onA.status(), "B drops the callback of A's login: " + onA.body());
                assertEquals(200, Http.login(b.baseUrl(), "test-jwt-bert").status(), "B's own logins work");
                a.stop();
                b.stop();
            }
        }
    }
}
