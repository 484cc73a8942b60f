package com.altscodex.jakarta.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.MovableClock;
import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.ClientCredentials;
import com.altscodex.jakarta.config.SessionSettings;
import com.altscodex.jakarta.config.SigningKeys;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.wire.SlotInfo;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionsTest {
    private static final SigningKeys KEYS = SigningKeys.of(List.of(new byte[32]));

    private static Sessions sessions(String redirectUri, boolean secure) {
        return sessions(redirectUri, secure, Clock.systemUTC());
    }

    private static Sessions sessions(String redirectUri, boolean secure, Clock clock) {
        AltsCodexSettings settings = AltsCodexSettings.of(ClientCredentials.of("c", "s"), redirectUri,
                URI.create("https://api.altscodex.com"), URI.create("https://altscodex.com"), Duration.ofSeconds(15))
                .withSession(new SessionSettings(true, KEYS, Duration.ofHours(1), "game_session", List.of("player"), secure));
        return new Sessions(settings, clock);
    }

    /** A request with these headers (and the cookie header's cookies), over https on game.example. */
    private static HttpServletRequest request(String method, Map<String, String> headers) {
        Map<String, String> lower = new HashMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(), value));
        return (HttpServletRequest) Proxy.newProxyInstance(SessionsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getHeader" -> lower.get(((String) args[0]).toLowerCase());
                    case "getMethod" -> method;
                    case "getScheme" -> "https";
                    case "getCookies" -> lower.containsKey("cookie") ? java.util.Arrays.stream(lower.get("cookie").split(";"))
                            .map(String::trim).map(c -> new Cookie(c.substring(0, c.indexOf('=')), c.substring(c.indexOf('=') + 1)))
                            .toArray(Cookie[]::new) : null;
                    default -> null;
                });
    }

    @Test
    void theCookieIsHttpOnlyLaxAndSecureUnlessPlainHttpOnThisMachine() {
        Sessions sessions = sessions("https://game.example/api/getinfo", true);
        var issued = sessions.issue(new SlotInfo("slot-1", "at", "0x1", "nick", 1, "code")).orElseThrow();
        String cookie = sessions.cookie(issued);
        assertEquals("game_session=" + issued.token() + "; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=3600", cookie);
        assertEquals("game_session=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
                sessions.clearingCookie());
        assertFalse(sessions("http://localhost:8080/api/getinfo", false).cookie(issued).contains("Secure"));
    }

    @Test
    void aBearerTokenOutranksTheCookie() {
        Sessions sessions = sessions("https://game.example/api/getinfo", true);
        Sessions.Presented bearer = sessions.presented(request("GET",
                Map.of("Authorization", "Bearer abc.def.ghi", "Cookie", "other=1; game_session=jkl.mno.pqr")));
        assertEquals(new Sessions.Presented(Sessions.Source.BEARER, "abc.def.ghi"), bearer);
        Sessions.Presented cookie = sessions.presented(request("GET", Map.of("Cookie", "other=1; game_session=jkl.mno.pqr")));
        assertEquals(new Sessions.Presented(Sessions.Source.COOKIE, "jkl.mno.pqr"), cookie);
        assertNull(sessions.presented(request("GET", Map.of("Authorization", "Basic dTpw"))));
        assertFalse(bearer.toString().contains("abc.def.ghi"));
    }

    @Test
    void aLoggedOutSessionIsRevokedAndLoggingOutEverywhereEndsTheOlderOnes() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-06T12:00:00.100Z"));
        Sessions sessions = sessions("https://game.example/api/getinfo", true, clock);
        SlotInfo slot = new SlotInfo("slot-7", "at", "0x1", "nick", 1, "code");
        String first = sessions.issue(slot).orElseThrow().token();
        String second = sessions.issue(slot).orElseThrow().token();
        String other = sessions.issue(new SlotInfo("slot-8", "at", "0x1", "nick", 1, "code")).orElseThrow().token();
        assertTrue(verdict(sessions, first).isValid());

        sessions.logOut(first).toCompletableFuture().join();
        assertEquals(ErrorCode.SESSION_REVOKED, verdict(sessions, first).refusal());
        assertTrue(verdict(sessions, second).isValid(), "a logout ends its own session only");

        clock.move(Duration.ofMillis(3));
        String sameMillisecond = sessions.issue(slot).orElseThrow().token();
        sessions.logOutEverywhere("slot-7").toCompletableFuture().join();
        assertEquals(ErrorCode.SESSION_REVOKED, verdict(sessions, second).refusal());
        assertEquals(ErrorCode.SESSION_REVOKED, verdict(sessions, sameMillisecond).refusal(),
                "a session issued in the logout's own millisecond ends too");
        clock.move(Duration.ofMillis(1));
        assertTrue(verdict(sessions, other).isValid(), "another slot's sessions hold");
        String after = sessions.issue(slot).orElseThrow().token();
        assertTrue(verdict(sessions, after).isValid(), "a login after the logout everywhere holds, in the same second too");
        sessions.logOut("not.a.token").toCompletableFuture().join();
    }

    private static SessionTokens.Verdict verdict(Sessions sessions, String token) {
        return sessions.verify(new Sessions.Presented(Sessions.Source.BEARER, token));
    }
}
