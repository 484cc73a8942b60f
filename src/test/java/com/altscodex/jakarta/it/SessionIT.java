package com.altscodex.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.dev.MockDeOAuthServer;
import com.altscodex.jakarta.it.Http.Answer;
import com.altscodex.jakarta.testkit.MockDeOAuthExtension;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The session a login issues, as a browser and a game client use it, on the built WAR configured by
 * ALTSCODEX_* variables: the cookie, the bearer token, {@code /api/me}, logout, and every way a
 * session is refused. The refused ones are made here with the JDK's own HMAC, not the module's code.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionIT {
    private static final String BASE = ItEnvironment.BASE;
    private static final String COOKIE = "altscodex_session";

    @RegisterExtension
    static final MockDeOAuthExtension DEOAUTH = ItEnvironment.deoauth();

    @Deployment(testable = false)
    static WebArchive war() {
        return ItEnvironment.builtWar();
    }

    record Login(String token, String setCookie, JsonObject json) {
    }

    private static Login login(String jwt) throws Exception {
        HttpResponse<String> answer = Http.client().send(HttpRequest.newBuilder(URI.create(BASE + "/api/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"jwt\":\"" + jwt + "\"}"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject json = new Answer(200, answer.body()).json();
        return new Login(json.getString("session_token"), answer.headers().firstValue("Set-Cookie").orElse(""), json);
    }

    private static HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return Http.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> me(Map<String, String> headers) throws Exception {
        return send("GET", "/api/me", headers, null);
    }

    private static String code(HttpResponse<String> answer) {
        return new Answer(answer.statusCode(), answer.body()).json().getString("code");
    }

    @Test
    void loginSetsAnHttpOnlyLaxCookieAndAnswersTheSameToken() throws Exception {
        Login login = login("test-jwt-sina");
        assertTrue(login.token().matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), login.token());
        List<String> attributes = List.of(login.setCookie().split(";\\s*"));
        assertEquals(COOKIE + "=" + login.token(), attributes.get(0), login.setCookie());
        assertTrue(attributes.contains("HttpOnly"), login.setCookie());
        assertTrue(attributes.contains("SameSite=Lax"), login.setCookie());
        assertTrue(attributes.contains("Path=/"), login.setCookie());
        assertTrue(attributes.contains("Max-Age=43200"), "the default PT12H: " + login.setCookie());
        // the redirect URI is plain http on 127.0.0.1: a Secure cookie would never come back
        assertFalse(attributes.contains("Secure"), login.setCookie());
        assertEquals("sina", login.json().getJsonObject("data").getString("token_nickname"));
        assertFalse(login.json().toString().contains("mock-access-"), "the access token stays on the server");
    }

    @Test
    void meIs401BeforeLoginAnd200WithTheCookieOrTheBearerToken() throws Exception {
        HttpResponse<String> anonymous = me(Map.of());
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals("SESSION_REQUIRED", code(anonymous));
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));

        Login login = login("test-jwt-tomas");
        String slotId = login.json().getJsonObject("data").getString("id");
        for (Map<String, String> credentials : List.of(Map.of("Cookie", COOKIE + "=" + login.token()),
                Map.of("Authorization", "Bearer " + login.token()))) {
            HttpResponse<String> me = me(credentials);
            assertEquals(200, me.statusCode(), credentials.keySet() + ": " + me.body());
            JsonObject data = new Answer(200, me.body()).json().getJsonObject("data");
            assertEquals(slotId, data.getString("id"));
            assertEquals("tomas", data.getString("token_nickname"));
            assertTrue(Instant.parse(data.getString("session_expires_at")).isAfter(Instant.now().plus(Duration.ofHours(11))));
        }
    }

    @Test
    void tamperedExpiredAndForeignSessionsAre401InJson() throws Exception {
        byte[] ourKey = Base64.getDecoder().decode(ItEnvironment.SESSION_KEY);
        byte[] foreignKey = new byte[32];
        new java.security.SecureRandom().nextBytes(foreignKey);
        long now = Instant.now().getEpochSecond();
        String[] real = login("test-jwt-ugo").token().split("\\.");
        String kid = kid(real[0]);
        Map<String, String> refused = Map.of(
                "tampered", real[0] + "." + claims("slot-someone-else", now - 10, now + 3600) + "." + real[2],
                "expired", sign(ourKey, kid, claims("slot-ugo", now - 7200, now - 60)),
                "foreign key", sign(foreignKey, "elsewhere", claims("slot-ugo", now - 10, now + 3600)),
                "foreign key, our key id", sign(foreignKey, kid, claims("slot-ugo", now - 10, now + 3600)),
                "junk", "not-a-session");
        Map<String, String> expectedCode = Map.of("tampered", "SESSION_INVALID", "expired", "SESSION_EXPIRED",
                "foreign key", "SESSION_INVALID", "foreign key, our key id", "SESSION_INVALID", "junk", "SESSION_INVALID");
        assertEquals(200, me(Map.of("Authorization", "Bearer " + sign(ourKey, kid, claims("slot-ugo", now - 10, now + 60))))
                .statusCode(), "a session made here with the server's key holds: the refusals below are not for the shape");
        for (var entry : refused.entrySet()) {
            for (Map<String, String> credentials : List.of(Map.of("Cookie", COOKIE + "=" + entry.getValue()),
                    Map.of("Authorization", "Bearer " + entry.getValue()))) {
                HttpResponse<String> me = me(credentials);
                assertEquals(401, me.statusCode(), entry.getKey() + " " + credentials.keySet() + ": " + me.body());
                assertEquals(expectedCode.get(entry.getKey()), code(me), entry.getKey() + ": " + me.body());
                assertFalse(me.body().contains("Exception"), me.body());
            }
        }
        // a stale cookie does not lock anyone out of the page and the login that renew it
        assertEquals(200, send("GET", "/", Map.of("Cookie", COOKIE + "=" + refused.get("expired")), null).statusCode());
        HttpResponse<String> relogin = send("POST", "/api/login", Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + refused.get("expired")), "{\"jwt\":\"test-jwt-ugo\"}");
        assertEquals(200, relogin.statusCode(), relogin.body());
    }

    @Test
    void logoutClearsTheCookieAndTellsTheDeOAuthServerWhenGivenAJwt() throws Exception {
        Login login = login("test-jwt-vera");
        HttpResponse<String> out = send("POST", "/api/logout", Map.of("Cookie", COOKIE + "=" + login.token(),
                "Origin", BASE, "Sec-Fetch-Site", "same-origin", "Content-Type", "application/json"),
                "{\"jwt\":\"test-jwt-vera\"}");
        assertEquals(200, out.statusCode(), out.body());
        String cleared = out.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cleared.startsWith(COOKIE + "=;") && cleared.contains("Max-Age=0"), cleared);
        assertEquals("done", new Answer(200, out.body()).json().getString("deoauth_logout"));
        var logouts = DEOAUTH.server().requests(MockDeOAuthServer.LOGOUT);
        assertEquals(1, logouts.size());
        assertEquals("Bearer test-jwt-vera", logouts.get(0).header("Authorization"));

        HttpResponse<String> plain = send("POST", "/api/logout", Map.of(), null);
        assertEquals(200, plain.statusCode(), plain.body());
        assertEquals("not_requested", new Answer(200, plain.body()).json().getString("deoauth_logout"));
        assertEquals(1, DEOAUTH.server().requests(MockDeOAuthServer.LOGOUT).size());
    }

    @Test
    void aCrossSiteLogoutWithTheCookieIsRefusedAndTheSessionStays() throws Exception {
        Login login = login("test-jwt-wim");
        for (Map<String, String> crossSite : List.of(
                Map.of("Cookie", COOKIE + "=" + login.token(), "Origin", "https://evil.example"),
                Map.of("Cookie", COOKIE + "=" + login.token(), "Sec-Fetch-Site", "cross-site",
                        "Content-Type", "application/x-www-form-urlencoded"))) {
            HttpResponse<String> out = send("POST", "/api/logout", crossSite, "");
            assertEquals(403, out.statusCode(), out.body());
            assertEquals("CROSS_SITE_REQUEST", code(out));
            assertTrue(out.headers().allValues("Set-Cookie").isEmpty(), "nothing cleared: " + out.headers());
        }
        assertEquals(200, me(Map.of("Cookie", COOKIE + "=" + login.token())).statusCode());
        assertTrue(DEOAUTH.server().requests(MockDeOAuthServer.LOGOUT).isEmpty());
    }

    private static String claims(String slotId, long issuedAt, long expiresAt) {
        return base64("{\"sub\":\"" + slotId + "\",\"nick\":\"x\",\"iat\":" + issuedAt + ",\"exp\":" + expiresAt + "}");
    }

    private static String kid(String header) {
        String json = new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8);
        return new Answer(200, json).json().getString("kid");
    }

    /** An HS256 JWT as any library makes one. */
    private static String sign(byte[] key, String kid, String claims) throws Exception {
        String signed = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "." + claims;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return signed + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
