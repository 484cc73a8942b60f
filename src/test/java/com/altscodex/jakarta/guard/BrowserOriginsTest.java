package com.altscodex.jakarta.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.audit.Audit;
import com.altscodex.jakarta.audit.AuditEvent;
import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.ClientCredentials;
import com.altscodex.jakarta.config.LimitSettings;
import com.altscodex.jakarta.config.SecuritySettings;
import com.altscodex.jakarta.error.ErrorCode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which pages may log in, complete a link or log out: the redirect URI's origin and the configured ones. */
class BrowserOriginsTest {
    private final List<AuditEvent> events = new ArrayList<>();
    private final BrowserOrigins origins = new BrowserOrigins(settings(), new Audit(events::add, Clock.systemUTC()),
            new ClientAddresses(List.of()));

    private static AltsCodexSettings settings() {
        return AltsCodexSettings.of(ClientCredentials.of("c", "s"), "https://game.example/api/getinfo",
                URI.create("https://api.altscodex.com"), URI.create("https://altscodex.com"), Duration.ofSeconds(15))
                .withSecurity(new SecuritySettings(Set.of("https://game.example", "https://spa.other.example"),
                        Set.of("https://spa.other.example"), List.of(), LimitSettings.DEFAULTS));
    }

    @Test
    void aPageOfAnAllowedOriginMayAndAClientWithoutBrowserHeadersMay() {
        assertTrue(origins.mayChangeState(null, null), "a game client, a server, curl");
        assertTrue(origins.mayChangeState("same-origin", "https://game.example"));
        assertTrue(origins.mayChangeState("same-origin", "HTTPS://Game.Example:443"), "written another way, the same origin");
        assertTrue(origins.mayChangeState("same-site", "https://spa.other.example"));
        assertTrue(origins.mayChangeState("none", null), "typed into the address bar");
        assertTrue(origins.mayChangeState("cross-site", "https://spa.other.example"),
                "a configured origin may be another site: a single-page app elsewhere");
    }

    @Test
    void anyOtherPageMayNot() {
        assertFalse(origins.mayChangeState(null, "https://evil.example"));
        assertFalse(origins.mayChangeState("cross-site", null), "a form on another site whose Origin was held back");
        assertFalse(origins.mayChangeState("cross-site", "https://game.example"),
                "the redirect URI's own pages never say cross-site");
        assertFalse(origins.mayChangeState("same-site", "https://other.game.example"), "a sibling host is not allowed");
        assertFalse(origins.mayChangeState(null, "null"), "a sandboxed page");
        assertFalse(origins.mayChangeState(null, "http://game.example"), "another scheme is another origin");
        assertFalse(origins.mayChangeState(null, "https://game.example:8443"), "another port is another origin");
        assertFalse(origins.mayChangeState(null, "https://game.example.evil.example"));
    }

    @Test
    void aRefusalIs403CrossSiteAndAnAuditEventWithoutThePath() {
        var request = FakeRequests.request("POST", "/api/link/eyJ.secret.token", Map.of("Origin", "https://evil.example"));
        var refusal = origins.refusal(request);
        assertEquals(ErrorCode.CROSS_SITE_REQUEST, refusal.code());
        assertEquals(403, refusal.status());
        assertTrue(refusal.getMessage().contains("https://evil.example"), refusal.getMessage());
        assertEquals(1, events.size());
        assertEquals(AuditEvent.Kind.CROSS_SITE_REFUSED, events.get(0).what());
        assertFalse(events.get(0).detail().contains("secret"), "a link's path holds its token: " + events.get(0));
        assertNull(origins.refusal(FakeRequests.request("POST", "/api/login", Map.of("Origin", "https://game.example"))));
        assertEquals(1, events.size());
    }

    @Test
    void corsAnswersOnlyTheAllowedOriginsAsTheyWereSent() {
        assertEquals("https://spa.other.example", origins.corsOrigin("https://spa.other.example"));
        assertEquals("https://game.example", origins.corsOrigin("https://game.example"));
        assertNull(origins.corsOrigin("https://evil.example"));
        assertNull(origins.corsOrigin("null"));
        assertNull(origins.corsOrigin(null));
    }
}
