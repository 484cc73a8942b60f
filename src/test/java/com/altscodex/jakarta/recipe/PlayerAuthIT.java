package com.altscodex.jakarta.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.AltsCodexBackend;
import com.altscodex.jakarta.dev.MockBehaviour;
import com.altscodex.jakarta.dev.MockDeOAuthServer;
import com.altscodex.jakarta.testkit.MockDeOAuthExtension;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlayerAuthIT {
    // where your arquillian.xml has Payara Micro listen
    private static final String GAME = "http://127.0.0.1:" + System.getProperty("it.http.port") + "/game";

    private static final String SESSION_KEY = "3q2+7w8Jb1Fz0yq4nWc5uX9kV6pL2sRtYeHdGaMfBjQ=";

    @RegisterExtension
    static final MockDeOAuthExtension DEOAUTH = MockDeOAuthExtension.forClient("game-client", "game-secret");

    @Deployment(testable = false)
    static WebArchive game() throws Exception {
        // the SDK's classes jar, found where the test classpath has it
        File sdk = new File(AltsCodexBackend.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String config = "config_ordinal=500\n" // above environment variables: only this test configures the app
                + "altscodex.client-id=" + DEOAUTH.clientId() + "\n"
                + "altscodex.client-secret=" + DEOAUTH.clientSecret() + "\n"
                + "altscodex.redirect-uri=" + GAME + "/auth/deoauth-callback\n"
                + "altscodex.auth-server-url=" + DEOAUTH.baseUri() + "\n"
                + "altscodex.platform-url=" + DEOAUTH.baseUri() + "\n"
                + "altscodex.authorize-timeout=10s\n" // a container's first requests can be slow
                // a session at login, checked on every request; make your own key: openssl rand -base64 32
                + "altscodex.session.enabled=true\n"
                + "altscodex.session.signing-keys=" + SESSION_KEY + "\n";
        // served at "/": WildFly takes it from the name ROOT.war, Open Liberty from ibm-web-ext.xml,
        // and Payara Micro is started with --contextroot /
        return ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .addAsLibrary(sdk)
                .addClasses(GameApi.class, PlayerAuth.class, PlayerProfile.class, TokenVault.class)
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset("<web-ext xmlns=\"http://websphere.ibm.com/xml/ns/javaee\""
                        + " version=\"1.1\"><context-root uri=\"/\"/></web-ext>"), "ibm-web-ext.xml");
    }

    @Test
    void aPlayerIsWelcomedByNickname() throws Exception {
        HttpResponse<String> answer = login("test-jwt-alice");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("Welcome, alice", answer.body());
        assertEquals(1, DEOAUTH.server().requests(MockDeOAuthServer.GET_TOKEN).size());
    }

    @Test
    void anExpiredJwtAnswers401() throws Exception {
        DEOAUTH.server().script("player-jwt", MockBehaviour.EXPIRED);
        HttpResponse<String> answer = login("player-jwt");
        assertEquals(401, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("EXPIRED_TOKEN"), answer.body());
    }

    @Test
    void onlyALoggedInPlayerSeesTheProfile() throws Exception {
        HttpResponse<String> login = login("test-jwt-bruno");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String session = cookie.substring(cookie.indexOf('=') + 1);

        HttpResponse<String> profile = get("/profile", "Cookie", cookie);
        assertEquals(200, profile.statusCode(), profile.body());
        assertTrue(profile.body().matches("Slot slot-\\w+, tokens kept on the server"), profile.body());
        assertEquals(profile.body(), get("/profile", "Authorization", "Bearer " + session).body());

        HttpResponse<String> stranger = get("/profile");
        assertEquals(401, stranger.statusCode(), stranger.body());
        assertTrue(stranger.body().contains("SESSION_REQUIRED"), stranger.body());
        assertEquals(403, get("/profile/moderation", "Cookie", cookie).statusCode(), "a player is no moderator");
        assertEquals("Hello, guest", get("/profile/greeting").body());
        assertTrue(get("/profile/greeting", "Cookie", cookie).body().startsWith("Hello again, slot-"));
    }

    private static HttpResponse<String> get(String path, String... header) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GAME + path)).GET();
        if (header.length == 2) {
            request.header(header[0], header[1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> login(String jwt) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(GAME + "/auth/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("jwt=" + jwt))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
