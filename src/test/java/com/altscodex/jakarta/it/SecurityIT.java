package com.altscodex.jakarta.it;

import static com.altscodex.jakarta.dev.MockDeOAuthServer.AUTHORIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.it.Http.Answer;
import com.altscodex.jakarta.testkit.MockDeOAuthExtension;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The built WAR tried as an attacker would, configured only by ALTSCODEX_* variables (the pom's):
 * login CSRF, webhooks into the network, guessing, sessions that outlive their logout, and the
 * headers of the pages. Each refusal is a 4xx in the module's JSON; what must keep working is tried
 * beside it. 127.0.0.1 stands for the trusted reverse proxy (altscodex.trusted-proxies); the other
 * loopback addresses are clients, each with its own budget of failures.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {
    private static final String BASE = ItEnvironment.BASE;
    private static final String EVIL = "https://evil.example";
    /** altscodex.allowed-origins in the pom: a single-page app on another site. */
    private static final String SPA = "http://spa.example:5173";

    @RegisterExtension
    static final MockDeOAuthExtension DEOAUTH = ItEnvironment.deoauth();

    @Deployment(testable = false)
    static WebArchive war() {
        return ItEnvironment.builtWar();
    }

    private static HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : BASE + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return Http.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String code(HttpResponse<String> answer) {
        return new Answer(answer.statusCode(), answer.body()).json().getString("code", null);
    }

    private static Map<String, String> with(Map<String, String> headers, String... more) {
        Map<String, String> all = new HashMap<>(headers);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }

    @Test
    void aLoginFromAnotherSitesPageIsRefusedInEveryBodyTypeAndStartsNothing() throws Exception {
        List<Map<String, String>> crossSite = List.of(Map.of("Origin", EVIL), Map.of("Sec-Fetch-Site", "cross-site"),
                Map.of("Origin", EVIL, "Sec-Fetch-Site", "cross-site"), Map.of("Origin", "null"),
                Map.of("Origin", BASE, "Sec-Fetch-Site", "cross-site"));
        Map<String, String> bodies = Map.of("application/json", "{\"jwt\":\"test-jwt-mallory\"}",
                "application/x-www-form-urlencoded", "jwt=test-jwt-mallory", "text/plain", "{\"jwt\":\"test-jwt-mallory\"}",
                "", "{\"jwt\":\"test-jwt-mallory\"}");
        for (Map<String, String> from : crossSite) {
            for (var body : bodies.entrySet()) {
                Map<String, String> headers = body.getKey().isEmpty() ? from : with(from, "Content-Type", body.getKey());
                HttpResponse<String> answer = send("POST", "/api/login", headers, body.getValue());
                assertEquals(403, answer.statusCode(), headers + ": " + answer.body());
                assertEquals("CROSS_SITE_REQUEST", code(answer), answer.body());
                assertTrue(answer.headers().allValues("Set-Cookie").isEmpty(), "no session: " + answer.headers());
                if (!BASE.equals(from.get("Origin"))) {
                    assertNull(answer.headers().firstValue("Access-Control-Allow-Origin").orElse(null), "nothing to read");
                }
            }
        }
        assertTrue(DEOAUTH.server().requests(AUTHORIZE).isEmpty(), "no exchange was started");
    }

    @Test
    void aLoginFromOurOwnPagesAnAllowedOriginOrNoBrowserGoesThrough() throws Exception {
        HttpResponse<String> sameOrigin = send("POST", "/api/login", Map.of("Origin", BASE, "Sec-Fetch-Site", "same-origin",
                "Content-Type", "application/json"), "{\"jwt\":\"test-jwt-olga\"}");
        assertEquals(200, sameOrigin.statusCode(), sameOrigin.body());
        assertTrue(sameOrigin.headers().firstValue("Set-Cookie").orElse("").startsWith("altscodex_session="));
        HttpResponse<String> gameClient = send("POST", "/api/login", Map.of("Content-Type", "application/json"),
                "{\"jwt\":\"test-jwt-olga\"}");
        assertEquals(200, gameClient.statusCode(), "no Origin, no Sec-Fetch-Site: " + gameClient.body());
        HttpResponse<String> spa = send("POST", "/api/login", Map.of("Origin", SPA, "Sec-Fetch-Site", "cross-site",
                "Content-Type", "application/json"), "{\"jwt\":\"test-jwt-olga\"}");
        assertEquals(200, spa.statusCode(), "a configured origin: " + spa.body());
        assertEquals(SPA, spa.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("true", spa.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
    }

    @Test
    void corsIsAnsweredForTheAllowedOriginsAndNothingForAnyOther() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/api/login", Map.of("Origin", SPA,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"), null);
        assertTrue(preflight.statusCode() == 204 || preflight.statusCode() == 200, preflight.statusCode() + " " + preflight.body());
        assertEquals(SPA, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("true", preflight.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase().contains("content-type"));

        HttpResponse<String> evil = send("OPTIONS", "/api/login", Map.of("Origin", EVIL, "Access-Control-Request-Method", "POST"), null);
        assertEquals(403, evil.statusCode(), evil.body());
        assertEquals("CROSS_SITE_REQUEST", code(evil));
        assertTrue(evil.headers().map().keySet().stream().noneMatch(h -> h.toLowerCase().startsWith("access-control-")),
                evil.headers().toString());
        HttpResponse<String> read = send("GET", "/api/login-url", Map.of("Origin", EVIL), null);
        assertEquals(200, read.statusCode());
        assertNull(read.headers().firstValue("Access-Control-Allow-Origin").orElse(null), "another site's page reads nothing");
        assertEquals(SPA, send("GET", "/api/login-url", Map.of("Origin", SPA), null).headers()
                .firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void aLinksLoginTheCodeFormAndALogoutFromAnotherSiteAreRefused() throws Exception {
        JsonObject link = LinkCalls.issue(BASE, "chat:victim").json();
        HttpResponse<String> forged = send("POST", link.getString("url"), Map.of("Origin", EVIL,
                "Content-Type", "application/x-www-form-urlencoded"), "jwt=test-jwt-mallory");
        assertEquals(403, forged.statusCode(), forged.body());
        assertEquals("CROSS_SITE_REQUEST", code(forged));
        assertEquals("{\"status\":\"pending\"}", send("GET", link.getString("url"), Map.of("Accept", "application/json"), null).body(),
                "the link is still the victim's to use");
        HttpResponse<String> typed = send("POST", "/api/link", Map.of("Sec-Fetch-Site", "cross-site",
                "Content-Type", "application/x-www-form-urlencoded"), "code=" + link.getString("user_code"));
        assertEquals(403, typed.statusCode(), typed.body());
        HttpResponse<String> ours = send("POST", "/api/link", Map.of("Origin", BASE,
                "Content-Type", "application/x-www-form-urlencoded"), "code=" + link.getString("user_code"));
        assertEquals(303, ours.statusCode(), "the code page's own form: " + ours.body());
        assertTrue(ours.headers().firstValue("Location").orElse("").contains("/api/link/"));
        assertEquals(200, LinkCalls.complete(link.getString("url"), "test-jwt-vic").status(), "and it still logs in");
        assertTrue(DEOAUTH.server().requests(AUTHORIZE).stream().noneMatch(r -> r.header("Authorization").contains("mallory")));

        String session = Http.login(BASE, "test-jwt-pia").json().getString("session_token");
        for (Map<String, String> cross : List.of(Map.of("Origin", EVIL), Map.of("Sec-Fetch-Site", "cross-site"))) {
            HttpResponse<String> out = send("POST", "/api/logout", with(cross, "Authorization", "Bearer " + session), null);
            assertEquals(403, out.statusCode(), out.body());
            assertEquals("CROSS_SITE_REQUEST", code(out));
        }
        assertEquals(200, send("GET", "/api/me", Map.of("Authorization", "Bearer " + session), null).statusCode(),
                "the refused logout ended nothing");
    }

    @Test
    void aWebhookIntoTheNetworkIsRefusedAndAnAllowedOneIsTaken() throws Exception {
        for (String url : List.of("https://127.0.0.1/hook", "https://localhost/hook", "https://[::1]/hook",
                "https://169.254.169.254/latest/meta-data/", "https://10.0.0.5/hook", "http://2130706433/",
                "https://0x7f000001/", "https://0177.0.0.1/", "https://[::ffff:127.0.0.1]/", "https://192.168.1.1/",
                "https://100.64.0.1/", "https://user:pass@hooks.example/", "http://127.0.0.1:" + (Integer.getInteger("it.webhook.port") + 1) + "/",
                "ftp://hooks.example/")) {
            Answer refused = LinkCalls.issue(BASE, LinkCalls.API_KEY,
                    "{\"subject\":\"bot:ssrf\",\"webhook_url\":\"" + url + "\"}");
            assertEquals(400, refused.status(), url + ": " + refused.body());
            assertEquals("WEBHOOK_URL_REFUSED", refused.json().getString("code"), url + ": " + refused.body());
            assertTrue(refused.json().getString("error").length() > 20, "it says why: " + refused.body());
        }
        Answer allowed = LinkCalls.issue(BASE, LinkCalls.API_KEY, "{\"subject\":\"bot:ok\",\"webhook_url\":\"http://127.0.0.1:"
                + Integer.getInteger("it.webhook.port") + "/allowed\"}");
        assertEquals(201, allowed.status(), "an allow-listed receiver (altscodex.links.webhook-allowed-hosts): " + allowed.body());
    }

    @Test
    void guessingFromOneAddressMeets429WhileOtherAddressesAndLoginsGoOn() throws Exception {
        String attacker = "127.0.0.2";
        int wrong = 0;
        FromAddress.Answer answer = null;
        for (int i = 0; i < 40; i++) {
            // the forged header changes nothing: 127.0.0.2 is no proxy of ours
            answer = FromAddress.get(attacker, BASE + "/api/link?code=BBBB-CCC" + (char) ('B' + i % 20),
                    Map.of("Accept", "application/json", "X-Forwarded-For", "203.0.113." + i));
            if (answer.status() != 404) {
                break;
            }
            wrong++;
        }
        assertEquals(429, answer.status(), "after " + wrong + " wrong codes: " + answer.body());
        assertTrue(wrong >= 10 && wrong <= 12, "the default burst is 10: " + wrong);
        assertEquals("RATE_LIMITED", answer.asJson().json().getString("code"));
        assertTrue(Integer.parseInt(answer.header("Retry-After")) >= 1, answer.headers().toString());

        // every guessable endpoint shares that budget, whatever key or token comes
        assertEquals(429, FromAddress.send(attacker, "POST", BASE + "/api/login-links", Map.of("Authorization",
                "Bearer " + LinkCalls.API_KEY, "Content-Type", "application/json"), "{\"subject\":\"x\"}").status(),
                "past its budget even a right API key is refused: it must not be tried");
        assertEquals(429, FromAddress.get(attacker, BASE + "/api/link/eyJhbGciOiJIUzI1NiJ9.e30.AAAA",
                Map.of("Accept", "application/json")).status());
        assertEquals(404, FromAddress.get("127.0.0.3", BASE + "/api/link?code=BBBB-CCCC",
                Map.of("Accept", "application/json")).status(), "another address is not touched");
        FromAddress.Answer login = FromAddress.send(attacker, "POST", BASE + "/api/login",
                Map.of("Content-Type", "application/json"), "{\"jwt\":\"test-jwt-lim\"}");
        assertEquals(200, login.status(), "a login is never limited: " + login.body());

        // behind the trusted proxy, the address it forwards is the client
        String client = "198.51.100.20";
        int refusedKeys = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 20; i++) {
            last = send("POST", "/api/login-links", Map.of("X-Forwarded-For", "6.6.6.6, " + client,
                    "Authorization", "Bearer wrong-key-00000000000000", "Content-Type", "application/json"), "{\"subject\":\"x\"}");
            if (last.statusCode() != 401) {
                break;
            }
            refusedKeys++;
        }
        assertEquals(429, last.statusCode(), "after " + refusedKeys + " wrong keys: " + last.body());
        assertEquals(429, send("GET", "/api/link?code=BBBB-CCCC", Map.of("X-Forwarded-For", client + ", 127.0.0.1",
                "Accept", "application/json"), null).statusCode(), "the right-most address that is no proxy of ours");
        assertEquals(404, send("GET", "/api/link?code=BBBB-CCCC", Map.of("X-Forwarded-For", "198.51.100.21",
                "Accept", "application/json"), null).statusCode(), "another forwarded client");
    }

    @Test
    void aSessionEndsAtItsLogoutAndLogOutEverywhereEndsEveryOlderOne() throws Exception {
        String first = Http.login(BASE, "test-jwt-rex").json().getString("session_token");
        String second = Http.login(BASE, "test-jwt-rex").json().getString("session_token");
        assertEquals(200, me("Bearer " + first).statusCode());
        HttpResponse<String> out = send("POST", "/api/logout", Map.of("Authorization", "Bearer " + first), null);
        assertEquals(200, out.statusCode(), out.body());
        for (String credentials : List.of("Bearer " + first, "cookie")) {
            HttpResponse<String> after = credentials.equals("cookie")
                    ? send("GET", "/api/me", Map.of("Cookie", "altscodex_session=" + first), null) : me(credentials);
            assertEquals(401, after.statusCode(), credentials + ": " + after.body());
            assertEquals("SESSION_REVOKED", code(after));
        }
        assertEquals(200, me("Bearer " + second).statusCode(), "a logout ends its own session only");

        HttpResponse<String> everywhere = send("POST", "/api/logout?everywhere=true",
                Map.of("Cookie", "altscodex_session=" + second, "Origin", BASE), null);
        assertEquals(200, everywhere.statusCode(), everywhere.body());
        assertEquals("SESSION_REVOKED", code(me("Bearer " + second)));
        String third = Http.login(BASE, "test-jwt-rex").json().getString("session_token");
        assertEquals(200, me("Bearer " + third).statusCode(), "a login after it holds");
        HttpResponse<String> nobody = send("POST", "/api/logout?everywhere=true", Map.of(), null);
        assertEquals(401, nobody.statusCode(), "everywhere needs a session: " + nobody.body());
        assertEquals("SESSION_REQUIRED", code(nobody));
    }

    private static HttpResponse<String> me(String authorization) throws Exception {
        return send("GET", "/api/me", Map.of("Authorization", authorization), null);
    }

    @Test
    void thePagesForbidInlineScriptAndFramingAndNoAnswerIsSniffedOrNamesTheServer() throws Exception {
        JsonObject link = LinkCalls.issue(BASE, "chat:headers").json();
        List<HttpResponse<String>> pages = new ArrayList<>();
        for (String page : List.of("/", "/link/", link.getString("url"))) {
            HttpResponse<String> answer = send("GET", page, Map.of("Accept", "text/html"), null);
            assertEquals(200, answer.statusCode(), page);
            String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
            for (String directive : List.of("frame-ancestors 'none'", "form-action 'self'", "base-uri 'none'", "script-src 'self'",
                    "style-src 'self'")) {
                assertTrue(policy.contains(directive), page + " " + directive + ": " + policy);
            }
            assertFalse(policy.contains("unsafe-inline"), policy);
            pages.add(answer);
        }
        assertEquals("no-referrer", pages.get(2).headers().firstValue("Referrer-Policy").orElse(null), "a link's URL holds its token");
        assertEquals("no-referrer", pages.get(1).headers().firstValue("Referrer-Policy").orElse(null));
        assertTrue(pages.get(2).body().contains("src=\"/link/link.js\""), "a link's page finds its script: " + pages.get(2).body());
        for (String asset : List.of("/app.js", "/app.css", "/link/link.js", "/link/link.css")) {
            HttpResponse<String> answer = send("GET", asset, Map.of(), null);
            assertEquals(200, answer.statusCode(), asset);
            pages.add(answer);
        }
        pages.add(send("GET", "/api/login-url", Map.of(), null));
        pages.add(send("GET", "/api/no-such-thing", Map.of(), null));
        HttpResponse<String> login = send("POST", "/api/login", Map.of("Content-Type", "application/json"), "{\"jwt\":\"test-jwt-hed\"}");
        // Open Liberty adds no-cache="set-cookie" to every answer that sets a cookie; no-store must be among the directives.
        String cacheControl = login.headers().allValues("Cache-Control").toString();
        assertTrue(cacheControl.matches(".*(^|[\\[ ,])no-store($|[\\] ,]).*"), "an answer with a session token: " + cacheControl);
        pages.add(login);
        pages.add(send("POST", "/api/login", Map.of("Origin", EVIL), "{}"));
        for (HttpResponse<String> answer : pages) {
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null), answer.uri().toString());
            assertNull(answer.headers().firstValue("X-Powered-By").orElse(null), answer.uri() + " " + answer.headers());
            String server = answer.headers().firstValue("Server").orElse("");
            assertFalse(server.matches(".*\\d.*") || server.toLowerCase().matches(".*(payara|glassfish|wildfly|undertow|liberty|websphere|grizzly).*"),
                    answer.uri() + " names its server: " + server);
        }
        assertNotNull(pages.get(0).headers().firstValue("X-Frame-Options").orElse(null));
    }
}
