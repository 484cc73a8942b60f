package com.altscodex.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.dev.MockDeOAuthServer;
import com.altscodex.jakarta.it.Http.Answer;
import com.altscodex.jakarta.it.embedded.GameApplication;
import com.altscodex.jakarta.it.embedded.GameAuditLog;
import com.altscodex.jakarta.it.embedded.GameCallback;
import com.altscodex.jakarta.it.embedded.GameBodies;
import com.altscodex.jakarta.it.embedded.GameLogin;
import com.altscodex.jakarta.it.embedded.GameStatus;
import com.altscodex.jakarta.testkit.MockDeOAuthExtension;
import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An application that embeds the published classes jar mounts the login and the callback on its
 * own paths by subclassing, injects the backend, and gets none of the WAR's /api.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EmbeddingIT {
    private static final String BASE = ItEnvironment.BASE;

    @RegisterExtension
    static final MockDeOAuthExtension DEOAUTH = ItEnvironment.deoauth();

    @Deployment(testable = false)
    static WebArchive game() {
        File classesJar = new File(System.getProperty("it.war").replace(".war", "-classes.jar"));
        // outranks the ALTSCODEX_* variables (ordinal 300) that the other tests share
        String config = "config_ordinal=500\n"
                + "altscodex.redirect-uri=" + BASE + "/game/auth/deoauth-callback\n"
                // sessions on, as the WAR has them: the suite's shared ALTSCODEX_LINKS_API_KEYS needs
                // them, and Open Liberty 26 keeps the session mechanism of an application it undeployed
                // for the ones after it, answering those 403 when they have none (docs/known-limits.md)
                + "altscodex.session.enabled=true\n";
        return ItEnvironment.atRoot(ShrinkWrap.create(WebArchive.class, "game.war")
                .addAsLibrary(classesJar)
                .addClasses(GameApplication.class, GameLogin.class, GameCallback.class, GameStatus.class, GameBodies.class,
                        GameAuditLog.class)
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties"));
    }

    @Test
    void theLoginRunsThroughTheApplicationsOwnPaths() throws Exception {
        Answer answer = Http.post(BASE + "/game/auth/login", "application/json", "{\"jwt\":\"test-jwt-gus\"}");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("gus", answer.json().getJsonObject("data").getString("token_nickname"));
        assertEquals(BASE + "/game/auth/deoauth-callback",
                DEOAUTH.server().requests(MockDeOAuthServer.AUTHORIZE).get(0).query().get("redirect_uri"));
    }

    @Test
    void theBackendIsInjectableAndTheWarsApiIsAbsent() throws Exception {
        Answer status = Http.get(BASE + "/game/status");
        assertEquals(200, status.status());
        assertTrue(status.body().startsWith("waiting=0"), status.body());
        // no such resource: WildFly's default servlet says 405 to a POST where Payara says 404
        int api = Http.login(BASE, "test-jwt").status();
        assertTrue(api == 404 || api == 405, "the WAR's /api/login answered " + api);
    }

    @Test
    void theApplicationObservesEveryLoginOutcomeAndRefusalAsAnAuditEvent() throws Exception {
        Answer ok = Http.post(BASE + "/game/auth/login", "application/json", "{\"jwt\":\"test-jwt-ada\"}");
        assertEquals(200, ok.status(), ok.body());
        String slotId = ok.json().getJsonObject("data").getString("id");
        assertEquals(401, Http.post(BASE + "/game/auth/login", "application/json", "{\"jwt\":\"expired-jwt-ada\"}").status());
        java.net.http.HttpResponse<String> crossSite = Http.client().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(BASE + "/game/auth/login")).header("Origin", "https://evil.example")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"jwt\":\"test-jwt-mallory\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(403, crossSite.statusCode(), crossSite.body());

        String events = Http.get(BASE + "/game/status/audit").body();
        java.util.List<String> lines = events.lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("LOGIN_SUCCEEDED 127\\.0\\.0\\.1 " + slotId + " [0-9a-f]{8} null")), events);
        assertTrue(lines.stream().anyMatch(l -> l.matches("LOGIN_FAILED 127\\.0\\.0\\.1 null [0-9a-f]{8} EXPIRED_TOKEN")), events);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("CROSS_SITE_REFUSED 127.0.0.1 null null POST")
                && l.contains("https://evil.example")), events);
        for (String secret : java.util.List.of("test-jwt", "expired-jwt", "mock-access-", "mock-code-")) {
            assertTrue(!events.contains(secret), secret + " in " + events);
        }
    }
}
