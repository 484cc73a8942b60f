package com.altscodex.jakarta.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.it.Http;
import com.altscodex.jakarta.it.Http.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mock platform's login page over real HTTP: the form, the hand-over, and what it refuses. */
class MockLoginPageTest {
    private static final Pattern HANDED_OVER = Pattern.compile(
            "var message = \\{\"from\":\"altscodex\",\"jwt\":\"([^\"]+)\"\\};var origin = \"([^\"]+)\";");
    private static final String REDIRECT = "http://localhost:8080/api/getinfo";

    private MockDeOAuthServer mock;

    @BeforeEach
    void start() throws Exception {
        mock = MockDeOAuthServer.start(0, "page-client", "page-secret");
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void theFormOffersEveryBehaviourAndCarriesTheLoginUrlsParameters() throws Exception {
        Answer page = Http.get(loginUrl("page-client", REDIRECT, "code", "s1"));
        assertEquals(200, page.status(), page.body());
        for (MockBehaviour behaviour : MockBehaviour.values()) {
            assertTrue(page.body().contains("<option value=\"" + behaviour.word() + "\""), behaviour.word());
        }
        assertTrue(page.body().contains("<input type=\"hidden\" name=\"state\" value=\"s1\">"));
        assertTrue(page.body().contains("<input type=\"hidden\" name=\"redirect_uri\" value=\"" + REDIRECT + "\">"));
        assertTrue(page.body().contains("<code>http://localhost:8080</code>"), "it names where the JWT goes");
        assertEquals(1, mock.requests(MockDeOAuthServer.LOGIN_PAGE).size());
    }

    @Test
    void submittingHandsAJwtNamingTheBehaviourToTheRedirectUrisOriginOnly() throws Exception {
        for (MockBehaviour behaviour : MockBehaviour.values()) {
            Matcher handOver = submit("Zoë <b>&", behaviour.word());
            String jwt = handOver.group(1);
            assertEquals(Optional.of(behaviour), MockBehaviour.namedBy(jwt), jwt);
            assertTrue(jwt.endsWith("-Zob"), "the name, letters and digits only, is the JWT's last word: " + jwt);
            assertEquals("http://localhost:8080", handOver.group(2));
            assertTrue(mock.issuedTokens().contains(jwt), "a JWT it issued is one a log must not hold");
        }
    }

    @Test
    void everySubmissionIssuesAnotherJwt() throws Exception {
        assertFalse(submit("amy", "success").group(1).equals(submit("amy", "success").group(1)));
    }

    @Test
    void aBrokenLoginUrlIsRefusedInWords() throws Exception {
        assertRefused(loginUrl("other-client", REDIRECT, "code", "s"), "not the client this mock serves");
        assertRefused(loginUrl("page-client", REDIRECT, "code", ""), "state is missing");
        assertRefused(loginUrl("page-client", "getinfo", "code", "s"), "redirect_uri");
        assertRefused(loginUrl("page-client", "javascript:alert(1)", "code", "s"), "redirect_uri");
        assertRefused(loginUrl("page-client", REDIRECT, "token", "s"), "response_type");
        Answer unknownBehaviour = Http.post(mock.baseUri() + MockDeOAuthServer.LOGIN_PAGE,
                "application/x-www-form-urlencoded", form("amy", "vanish"));
        assertEquals(400, unknownBehaviour.status());
        assertTrue(unknownBehaviour.body().contains("behaviour &#39;vanish&#39; is not one the mock knows"));
    }

    @Test
    void whatTheLoginUrlCarriesIsEscapedInThePage() throws Exception {
        Answer page = Http.get(loginUrl("page-client", REDIRECT, "code", "s\"><script>alert(1)</script>"));
        assertEquals(200, page.status());
        assertFalse(page.body().contains("<script>alert(1)"), page.body());
        assertTrue(page.body().contains("value=\"s&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""), page.body());
        Answer refused = Http.get(loginUrl("<script>alert(2)</script>", REDIRECT, "code", "s"));
        assertEquals(400, refused.status());
        assertFalse(refused.body().contains("<script>alert(2)"), refused.body());
    }

    @Test
    void theOriginIsSchemeHostAndAnyPortThatIsNotTheDefault() {
        assertEquals(Optional.of("http://localhost:8080"), MockLoginPage.originOf("http://LOCALHOST:8080/api/getinfo"));
        assertEquals(Optional.of("https://game.example"), MockLoginPage.originOf("https://game.example:443/cb"));
        assertEquals(Optional.of("http://game.example"), MockLoginPage.originOf("http://game.example:80/cb"));
        assertEquals(Optional.of("http://[::1]:9000"), MockLoginPage.originOf("http://[::1]:9000/cb"));
        assertEquals(Optional.empty(), MockLoginPage.originOf("ftp://game.example/cb"));
        assertEquals(Optional.empty(), MockLoginPage.originOf("/api/getinfo"));
        assertEquals(Optional.empty(), MockLoginPage.originOf("http://bad host/"));
        assertEquals(Optional.empty(), MockLoginPage.originOf(null));
    }

    @Test
    void aNameIsLettersAndDigitsAndNeverEmpty() {
        assertEquals("alice42", MockLoginPage.userName("alice-42"));
        assertEquals("player", MockLoginPage.userName("<->"));
        assertEquals("player", MockLoginPage.userName(null));
        assertEquals(MockLoginPage.MAX_NAME, MockLoginPage.userName("x".repeat(100)).length());
    }

    private Matcher submit(String name, String behaviour) throws Exception {
        Answer answer = Http.post(mock.baseUri() + MockDeOAuthServer.LOGIN_PAGE,
                "application/x-www-form-urlencoded", form(name, behaviour));
        assertEquals(200, answer.status(), answer.body());
        Matcher handOver = HANDED_OVER.matcher(answer.body());
        assertTrue(handOver.find(), answer.body());
        return handOver;
    }

    private void assertRefused(String url, String reason) throws Exception {
        Answer page = Http.get(url);
        assertEquals(400, page.status(), url);
        assertTrue(page.body().contains(reason), page.body());
    }

    private String loginUrl(String clientId, String redirectUri, String responseType, String state) {
        return mock.baseUri() + MockDeOAuthServer.LOGIN_PAGE + "?client_id=" + enc(clientId)
                + "&redirect_uri=" + enc(redirectUri) + "&response_type=" + enc(responseType) + "&state=" + enc(state);
    }

    private static String form(String name, String behaviour) {
        return "client_id=page-client&redirect_uri=" + enc(REDIRECT) + "&state=s1&name=" + enc(name)
                + "&behaviour=" + enc(behaviour);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
