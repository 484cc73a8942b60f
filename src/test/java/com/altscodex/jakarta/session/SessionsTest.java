package com.altscodex.jakarta.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.SlotInfo;
import com.altscodex.jakarta.client.ClientCredentials;
import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.SessionSettings;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionsTest {
    private static final SigningKeys KEYS = SigningKeys.of(List.of(new byte[32]));

    private static Sessions sessions(String redirectUri, boolean secure) {
        AltsCodexSettings settings = AltsCodexSettings.of(ClientCredentials.of("c", "s"), redirectUri,
                URI.create("https://api.altscodex.com"), URI.create("https://altscodex.com"), Duration.ofSeconds(15))
                .withSession(new SessionSettings(true, KEYS, Duration.ofHours(1), "game_session", List.of("player"), secure));
        return new Sessions(settings, Clock.systemUTC());
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
    void onlyTheSitesOwnPagesMayUseTheCookieForUnsafeRequests() {
        Sessions sessions = sessions("https://game.example/api/getinfo", true);
        assertTrue(sessions.fromOwnSite(request("POST", Map.of("Host", "game.example", "Origin", "https://game.example",
                "Sec-Fetch-Site", "same-origin"))));
        assertTrue(sessions.fromOwnSite(request("POST", Map.of("Host", "10.0.0.5:8080", "Origin", "https://game.example"))),
                "behind a proxy, the registered origin");
        assertTrue(sessions.fromOwnSite(request("POST", Map.of("Host", "game.example"))), "no browser headers: no page");
        assertFalse(sessions.fromOwnSite(request("POST", Map.of("Host", "game.example", "Origin", "https://evil.example"))));
        assertFalse(sessions.fromOwnSite(request("POST", Map.of("Host", "game.example", "Sec-Fetch-Site", "cross-site"))));
        assertFalse(sessions.fromOwnSite(request("POST", Map.of("Host", "game.example", "Sec-Fetch-Site", "same-site"))));
        assertFalse(sessions.fromOwnSite(request("POST", Map.of("Host", "game.example", "Origin", "null"))));
        assertTrue(Sessions.unsafe("POST") && Sessions.unsafe("DELETE") && !Sessions.unsafe("GET") && !Sessions.unsafe("HEAD"));
    }
}
