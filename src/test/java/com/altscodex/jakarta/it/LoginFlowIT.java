package com.altscodex.jakarta.it;

import static com.altscodex.jakarta.dev.MockDeOAuthServer.AUTHORIZE;
import static com.altscodex.jakarta.dev.MockDeOAuthServer.GET_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.dev.RecordedRequest;
import com.altscodex.jakarta.it.Http.Answer;
import com.altscodex.jakarta.testkit.MockDeOAuthExtension;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP surface of the built WAR on each server, configured by ALTSCODEX_* variables (see the
 * failsafe configuration), against the test kit's mock DeOAuth server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginFlowIT {
    private static final String BASE = ItEnvironment.BASE;
    /** Logins in flight at once, each over its own connection. */
    private static final int PARALLEL = 200;

    @RegisterExtension
    static final MockDeOAuthExtension DEOAUTH = ItEnvironment.deoauth();

    @Deployment(testable = false)
    static WebArchive war() {
        return ItEnvironment.builtWar();
    }

    @Test
    void aJsonLoginAnswersTheSlotWithoutItsAccessToken() throws Exception {
        Answer answer = Http.login(BASE, "test-jwt-alice");
        assertEquals(200, answer.status(), answer.body());
        JsonObject json = answer.json();
        assertTrue(json.getBoolean("success"));
        JsonObject data = json.getJsonObject("data");
        assertTrue(data.getString("id").startsWith("slot-"));
        assertEquals("alice", data.getString("token_nickname"));
        assertTrue(data.getString("content_address").startsWith("0x"));
        assertEquals(3, data.getInt("tr_cnt"));
        assertFalse(answer.body().contains("mock-access-"), "the access token stays on the server");
    }

    @Test
    void aFormLoginWorksToo() throws Exception {
        Answer answer = Http.post(BASE + "/api/login", "application/x-www-form-urlencoded", "jwt=test-jwt-bob");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("bob", answer.json().getJsonObject("data").getString("token_nickname"));
    }

    @Test
    void theServerIsCalledWithTheConfiguredClientAndCallback() throws Exception {
        assertEquals(200, Http.login(BASE, "test-jwt-carol").status());
        RecordedRequest authorize = DEOAUTH.server().requests(AUTHORIZE).get(0);
        Map<String, String> query = authorize.query();
        assertEquals("it-client", query.get("client_id"));
        assertEquals(BASE + "/api/getinfo", query.get("redirect_uri"));
        assertEquals("code", query.get("respose_type"));
        assertEquals("Bearer test-jwt-carol", authorize.header("Authorization"));
        assertEquals(1, DEOAUTH.server().requests(GET_TOKEN).size());
    }

    @Test
    void everyOutcomeAnswersItsStatusAndCode() throws Exception {
        Map<String, Integer> statuses = Map.of("expired-dan", 401, "fail-dan", 502, "reject-dan", 502,
                "tokenerror-dan", 502, "timeout-dan", 408);
        Map<String, String> codes = Map.of("expired-dan", "EXPIRED_TOKEN", "fail-dan", "AUTHORIZE_FAILED",
                "reject-dan", "CALLBACK_REJECTED", "tokenerror-dan", "UPSTREAM_HTTP", "timeout-dan", "CALLBACK_TIMEOUT");
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        List<String> jwts = List.copyOf(statuses.keySet());
        for (String jwt : jwts) {
            answers.add(Http.postAsync(BASE + "/api/login", "application/json", "{\"jwt\":\"" + jwt + "\"}"));
        }
        for (int i = 0; i < jwts.size(); i++) {
            Answer answer = answers.get(i).join();
            String jwt = jwts.get(i);
            assertEquals(statuses.get(jwt), answer.status(), jwt + ": " + answer);
            assertFalse(answer.json().getBoolean("success"));
            assertEquals(codes.get(jwt), answer.json().getString("code"), jwt);
            assertFalse(answer.json().getString("error").isBlank());
        }
    }

    @Test
    void noJwtOrAnUnreadableBodyIs400() throws Exception {
        for (Answer answer : List.of(Http.post(BASE + "/api/login", "application/json", "{}"),
                Http.post(BASE + "/api/login", "application/json", "{not json"),
                Http.post(BASE + "/api/login", "application/x-www-form-urlencoded", "other=1"),
                Http.post(BASE + "/api/login", null, ""),
                Http.post(BASE + "/api/login", "text/plain", "jwt please"))) {
            assertEquals(400, answer.status(), answer.body());
            assertEquals("BAD_REQUEST", answer.json().getString("code"));
        }
    }

    @Test
    void theCallbackAlwaysAnswers200ReceivedAndGetIs405() throws Exception {
        for (String query : List.of("?state=unknown&success=1&code=c", "", "?state=&success=0", "?state", "?success=1&code=only-a-code")) {
            Answer answer = Http.post(BASE + "/api/getinfo" + query, "application/json", "{}");
            assertEquals(200, answer.status(), query);
            assertTrue(answer.json().getBoolean("received"), query);
        }
        assertEquals(200, Http.post(BASE + "/api/getinfo?state=x", null, "").status());
        HttpResponse<String> get = Http.send("GET", BASE + "/api/getinfo");
        assertEquals(405, get.statusCode());
        assertTrue(get.headers().firstValue("Allow").orElse("").contains("POST"), get.headers().toString());
        assertEquals("METHOD_NOT_ALLOWED", new Answer(405, get.body()).json().getString("code"), get.body());
        assertTrue(DEOAUTH.server().requests(GET_TOKEN).isEmpty(), "no exchange for an unknown state");
    }

    @Test
    void theRuntimesOwnRefusalsAnswerInJson() throws Exception {
        HttpResponse<String> delete = Http.send("DELETE", BASE + "/api/login");
        assertEquals(405, delete.statusCode(), delete.body());
        assertTrue(delete.headers().firstValue("Allow").orElse("").contains("POST"), delete.headers().toString());
        HttpResponse<String> missing = Http.send("GET", BASE + "/api/no-such-thing");
        assertEquals(404, missing.statusCode());
        assertEquals("NOT_FOUND", new Answer(404, missing.body()).json().getString("code"), missing.body());
    }

    @Test
    void aDuplicateCallbackExchangesTheCodeOnce() throws Exception {
        assertEquals(200, Http.login(BASE, "duplicate-erin").status());
        Thread.sleep(300);
        assertEquals(1, DEOAUTH.server().requests(GET_TOKEN).size());
    }

    @Test
    void aCallbackBeforeTheAuthorizeAnswerStillLogsIn() throws Exception {
        assertEquals(200, Http.login(BASE, "early-fay").status());
    }

    @Test
    void concurrentLoginsEachGetTheirOwnSlot() {
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            answers.add(Http.postAsync(BASE + "/api/login", "application/json", "{\"jwt\":\"test-jwt-u" + i + "\"}"));
        }
        for (int i = 0; i < PARALLEL; i++) {
            Answer answer = answers.get(i).join();
            assertEquals(200, answer.status(), answer.body());
            assertEquals("u" + i, answer.json().getJsonObject("data").getString("token_nickname"));
        }
    }

    @Test
    void theLoginUrlCarriesAFreshStateAndResponseType() throws Exception {
        Answer first = Http.get(BASE + "/api/login-url");
        Answer second = Http.get(BASE + "/api/login-url");
        assertEquals(200, first.status());
        String state = first.json().getString("state");
        assertTrue(state.matches("[0-9a-f]{32}"), state);
        assertFalse(state.equals(second.json().getString("state")));
        String url = first.json().getString("login_url");
        assertTrue(url.startsWith(DEOAUTH.baseUri() + "/oauth/login?client_id=it-client&redirect_uri="), url);
        assertTrue(url.endsWith("&response_type=code&state=" + state), url);
    }
}
