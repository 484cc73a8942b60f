package com.altscodex.jakarta.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.RecordedResponse;
import com.altscodex.jakarta.audit.Audit;
import com.altscodex.jakarta.audit.AuditEvent;
import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.ClientCredentials;
import com.altscodex.jakarta.config.LimitSettings;
import com.altscodex.jakarta.config.SecuritySettings;
import com.altscodex.jakarta.guard.BrowserOrigins;
import com.altscodex.jakarta.guard.ClientAddresses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The WAR's filters: CORS for the allowed origins alone, and the security headers on every answer. */
class BrowserFiltersTest {
    private static final String SPA = "https://spa.example";
    private final List<AuditEvent> events = new ArrayList<>();

    private CrossOriginRequests cors() throws Exception {
        AltsCodexSettings settings = AltsCodexSettings.of(ClientCredentials.of("c", "s"), "https://game.example/api/getinfo",
                URI.create("https://api.altscodex.com"), URI.create("https://altscodex.com"), Duration.ofSeconds(15))
                .withSecurity(new SecuritySettings(Set.of("https://game.example", SPA), Set.of(SPA), List.of(), LimitSettings.DEFAULTS));
        Audit audit = new Audit(events::add, Clock.systemUTC());
        ClientAddresses addresses = new ClientAddresses(List.of());
        CrossOriginRequests filter = new CrossOriginRequests();
        inject(filter, "origins", new BrowserOrigins(settings, audit, addresses));
        inject(filter, "addresses", addresses);
        inject(filter, "audit", audit);
        return filter;
    }

    private static void inject(Object target, String field, Object value) throws Exception {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    private static HttpServletRequest request(String method, String path, Map<String, String> headers) {
        Map<String, String> lower = new HashMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(), value));
        return (HttpServletRequest) Proxy.newProxyInstance(BrowserFiltersTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getHeader" -> lower.get(((String) args[0]).toLowerCase());
                    case "getMethod" -> method;
                    case "getRequestURI", "getServletPath" -> path;
                    case "getRemoteAddr" -> "203.0.113.4";
                    default -> null;
                });
    }

    private static final class Chain implements FilterChain {
        boolean called;

        @Override
        public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
            called = true;
        }
    }

    @Test
    void anAllowedOriginsPreflightIsAnsweredWithCredentials() throws Exception {
        RecordedResponse answer = new RecordedResponse();
        Chain chain = new Chain();
        cors().doFilter(request("OPTIONS", "/api/login", Map.of("Origin", SPA, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "Content-Type, X-Evil")), answer.response(), chain);
        assertFalse(chain.called, "answered here");
        assertEquals(204, answer.status);
        assertEquals(SPA, answer.header("Access-Control-Allow-Origin"));
        assertEquals("true", answer.header("Access-Control-Allow-Credentials"));
        assertEquals("GET, POST, OPTIONS", answer.header("Access-Control-Allow-Methods"));
        assertEquals("content-type", answer.header("Access-Control-Allow-Headers"), "only what the module reads");
        assertEquals("Origin", answer.header("Vary"));
    }

    @Test
    void anotherOriginsPreflightIs403AndItsRequestsGetNoCorsHeader() throws Exception {
        RecordedResponse preflight = new RecordedResponse();
        Chain chain = new Chain();
        cors().doFilter(request("OPTIONS", "/api/login", Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST")), preflight.response(), chain);
        assertFalse(chain.called);
        assertEquals(403, preflight.status);
        assertTrue(preflight.body.toString(StandardCharsets.UTF_8).contains("\"code\":\"CROSS_SITE_REQUEST\""));
        assertNull(preflight.header("Access-Control-Allow-Origin"));
        assertEquals(AuditEvent.Kind.CROSS_SITE_REFUSED, events.get(0).what());

        RecordedResponse plain = new RecordedResponse();
        Chain through = new Chain();
        cors().doFilter(request("GET", "/api/login-url", Map.of("Origin", "https://evil.example")), plain.response(), through);
        assertTrue(through.called, "a simple request goes on: its page just cannot read the answer");
        assertNull(plain.header("Access-Control-Allow-Origin"));
        RecordedResponse noOrigin = new RecordedResponse();
        cors().doFilter(request("POST", "/api/login", Map.of()), noOrigin.response(), new Chain());
        assertTrue(noOrigin.headers.isEmpty(), "nothing for a client without Origin: " + noOrigin.headers);
    }

    @Test
    void everyAnswerIsNosniffAndFramelessAndALinksPageSendsNoReferrer() throws Exception {
        for (String path : List.of("/", "/api/login", "/app.js", "/link/", "/api/link/eyJ.x.y", "/api/link")) {
            RecordedResponse answer = new RecordedResponse();
            Chain chain = new Chain();
            new SecurityHeaders().doFilter(request("GET", path, Map.of()), answer.response(), chain);
            assertTrue(chain.called);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), path);
            assertTrue(answer.header("Content-Security-Policy").contains("frame-ancestors 'none'"), path);
            assertEquals("DENY", answer.header("X-Frame-Options"));
            assertEquals(path.contains("link") ? "no-referrer" : null, answer.header("Referrer-Policy"), path);
        }
        assertFalse(SecurityHeaders.POLICY.contains("unsafe"), SecurityHeaders.POLICY);
    }
}
