package com.altscodex.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.dev.MockDeOAuthServer;
import com.altscodex.jakarta.it.Http.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sessions across replicas and key rotation, with no shared store: replica A signs with the old key;
 * replica B has been given a rotated list (a new key first, the old one after it). A session from A
 * holds on B; one from B, signed with the new key, is foreign to A. Neither log holds a key, a
 * session token or a JWT.
 */
class SessionReplicasIT {
    private static final String CLIENT = "sessions-client";
    private static final String SECRET = "sessions-secret-41ac";
    private static final String OLD_KEY = ItEnvironment.SESSION_KEY;
    private static final String NEW_KEY = "Zm9yIHRoZSByb3RhdGlvbiB0ZXN0OiBhIG5ldyBrZXkh";

    private static Map<String, String> env(int port, String mockUrl, String keys) {
        return Map.of("ALTSCODEX_CLIENT_ID", CLIENT, "ALTSCODEX_CLIENT_SECRET", SECRET,
                "ALTSCODEX_REDIRECT_URI", "http://127.0.0.1:" + port + "/api/getinfo",
                "ALTSCODEX_AUTH_SERVER_URL", mockUrl, "ALTSCODEX_SESSION_SIGNING_KEYS", keys);
    }

    private static String sessionOf(String baseUrl, String jwt) throws Exception {
        Answer login = Http.login(baseUrl, jwt);
        assertEquals(200, login.status(), login.body());
        return login.json().getString("session_token");
    }

    private static HttpResponse<String> me(String baseUrl, String header, String value) throws Exception {
        return Http.client().send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/me")).header(header, value)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSessionFromAHoldsOnBWhoseRotatedKeysStillHoldTheOldOne() throws Exception {
        try (MockDeOAuthServer mock = MockDeOAuthServer.start(0, CLIENT, SECRET)) {
            int portA = ServerProcess.freePort();
            int portB = ServerProcess.freePort();
            String mockUrl = mock.baseUri().toString();
            try (ServerProcess a = ServerProcess.start("sessions-a", portA, env(portA, mockUrl, OLD_KEY));
                    ServerProcess b = ServerProcess.start("sessions-b", portB, env(portB, mockUrl, NEW_KEY + "," + OLD_KEY))) {
                String fromA = sessionOf(a.baseUrl(), "test-jwt-xena");
                for (var credentials : List.of(List.of("Authorization", "Bearer " + fromA),
                        List.of("Cookie", "altscodex_session=" + fromA))) {
                    HttpResponse<String> onB = me(b.baseUrl(), credentials.get(0), credentials.get(1));
                    assertEquals(200, onB.statusCode(), credentials.get(0) + ": " + onB.body());
                    assertEquals("xena", new Answer(200, onB.body()).json().getJsonObject("data").getString("token_nickname"));
                }

                String fromB = sessionOf(b.baseUrl(), "test-jwt-yuri");
                assertEquals(200, me(b.baseUrl(), "Authorization", "Bearer " + fromB).statusCode());
                HttpResponse<String> onA = me(a.baseUrl(), "Authorization", "Bearer " + fromB);
                assertEquals(401, onA.statusCode(), "B signs with the new key, which A lacks: " + onA.body());
                assertEquals("SESSION_INVALID", new Answer(401, onA.body()).json().getString("code"));

                a.stop();
                b.stop();
                for (ServerProcess replica : List.of(a, b)) {
                    String log = replica.log();
                    assertTrue(log.contains("sessions on ("), "the start-up line says sessions are on: " + replica.logFile());
                    for (String secret : List.of(OLD_KEY, NEW_KEY, OLD_KEY.substring(0, 20), NEW_KEY.substring(0, 20),
                            fromA, fromB, fromA.substring(fromA.lastIndexOf('.') + 1), SECRET, "test-jwt-xena", "test-jwt-yuri")) {
                        assertFalse(log.contains(secret), replica.logFile() + " holds a secret");
                    }
                }
            }
        }
    }
}
