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
                + "altscodex.authorize-timeout=10s\n"; // a container's first requests can be slow
        // served at "/": WildFly takes it from the name ROOT.war, Open Liberty from ibm-web-ext.xml,
        // and Payara Micro is started with --contextroot /
        return ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .addAsLibrary(sdk)
                .addClasses(GameApi.class, PlayerAuth.class)
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

    private static HttpResponse<String> login(String jwt) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(GAME + "/auth/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("jwt=" + jwt))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
