package com.example.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.dev.MockDeOAuthServer;
import com.altscodex.jakarta.testkit.MockDeOAuthExtension;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The game's WAR, as the build packaged it, on the server that arquillian.launch names, logging
 * in against the SDK's mock DeOAuth server, which runs in this JVM.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GameBackendIT {
    private static final String SERVER = "http://127.0.0.1:" + System.getProperty("game.http.port");
    private static final String GAME = SERVER + "/game";

    @RegisterExtension
    static final MockDeOAuthExtension DEOAUTH = MockDeOAuthExtension.forClient("game-client", "game-secret-for-tests");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static WebArchive game() {
        // what production gives as environment variables: the secrets and where DeOAuth is (the
        // mock). A config source of the test's own, in a jar of WEB-INF/lib, ranked above the WAR's
        // file and above any ALTSCODEX_* variable (ordinal 300) left in the shell.
        String testConfig = "config_ordinal=500\n"
                + "game.public-url=" + SERVER + "\n"
                + "altscodex.client-id=" + DEOAUTH.clientId() + "\n"
                + "altscodex.client-secret=" + DEOAUTH.clientSecret() + "\n"
                + "altscodex.auth-server-url=" + DEOAUTH.baseUri() + "\n"
                + "altscodex.platform-url=" + DEOAUTH.baseUri() + "\n"
                + "altscodex.session.signing-keys=nK1o9cSx2X0pLr7fWm4dQe8ZtYvB3hJa6uGiCk5sTqE=\n"; // a test key
        WebArchive built = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("game.war")));
        // ROOT.war: at "/" on Payara Micro and WildFly (Open Liberty reads the WAR's ibm-web-ext.xml)
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(built)
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "test-config.jar")
                        .addAsManifestResource(new StringAsset(testConfig), "microprofile-config.properties"));
    }

    @Test
    void aPlayerLogsInThroughTheGamesOwnPathsAndSeesTheirProfile() throws Exception {
        HttpResponse<String> login = post("/auth/login", null, "{\"jwt\":\"test-jwt-alice\"}");
        assertEquals(200, login.statusCode(), login.body());
        JsonObject slot = json(login).getJsonObject("data");
        assertEquals("alice", slot.getString("token_nickname"));
        assertEquals(GAME + "/auth/deoauth-callback",
                DEOAUTH.server().requests(MockDeOAuthServer.AUTHORIZE).get(0).query().get("redirect_uri"));

        String cookie = sessionCookie(login);
        assertTrue(cookie.startsWith("game_session="), cookie);
        HttpResponse<String> profile = get("/profile", "Cookie", cookie);
        assertEquals(200, profile.statusCode(), profile.body());
        assertEquals(slot.getString("id"), json(profile).getString("slot_id"));
        assertEquals("alice", json(profile).getString("nickname"), "Players observed the login");

        // a game client without cookies sends the same session as a bearer token
        String bearer = "Bearer " + json(login).getString("session_token");
        assertEquals(profile.body(), get("/profile", "Authorization", bearer).body());

        // the DeOAuth access token stayed on the server
        for (String issued : DEOAUTH.server().issuedTokens()) {
            assertFalse(login.body().contains(issued) || profile.body().contains(issued), issued);
        }
    }

    @Test
    void withoutASessionTheProfileIs401InTheSdksJson() throws Exception {
        HttpResponse<String> profile = get("/profile");
        assertEquals(401, profile.statusCode(), profile.body());
        JsonObject error = json(profile);
        assertFalse(error.getBoolean("success"));
        assertEquals("SESSION_REQUIRED", error.getString("code"));
    }

    @Test
    void aLoggedOutSessionIsRefused() throws Exception {
        HttpResponse<String> login = post("/auth/login", null, "{\"jwt\":\"test-jwt-bruno\"}");
        assertEquals(200, login.statusCode(), login.body());
        String cookie = sessionCookie(login);
        assertEquals(200, post("/auth/logout", cookie, "").statusCode());
        assertEquals(401, get("/profile", "Cookie", cookie).statusCode());
    }

    @Test
    void theLobbyIsOpenToAll() throws Exception {
        assertEquals(200, post("/auth/login", null, "{\"jwt\":\"test-jwt-carol\"}").statusCode());
        HttpResponse<String> lobby = get("/lobby");
        assertEquals(200, lobby.statusCode(), lobby.body());
        assertTrue(json(lobby).getJsonArray("players").getValuesAs(JsonString::getString).contains("carol"),
                lobby.body());
    }

    private HttpResponse<String> get(String path, String... header) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GAME + path)).GET();
        if (header.length == 2) {
            request.header(header[0], header[1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GAME + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The session cookie the login set, as a browser sends it back: name=value. */
    private static String sessionCookie(HttpResponse<String> login) {
        return login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static JsonObject json(HttpResponse<String> answer) {
        return Json.createReader(new StringReader(answer.body())).readObject();
    }
}
