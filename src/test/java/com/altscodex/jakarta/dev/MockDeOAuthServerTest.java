package com.altscodex.jakarta.dev;

import static com.altscodex.jakarta.TestChain.await;
import static com.altscodex.jakarta.TestChain.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.TestChain;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.it.Http.Answer;
import com.altscodex.jakarta.it.Http;
import com.altscodex.jakarta.wire.SlotInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every behaviour as a person reaches it (the mock's login page issues the JWT) and as a test
 * does (a script, a default), through the real login chain.
 */
class MockDeOAuthServerTest {
    private static final Pattern JWT = Pattern.compile("\"jwt\":\"([^\"]+)\"");
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(400);

    private TestChain chain;

    @BeforeEach
    void start() throws Exception {
        chain = TestChain.start();
        chain.mock.slowDelay(Duration.ofMillis(50));
    }

    @AfterEach
    void stop() {
        chain.close();
    }

    @Test
    void everyBehaviourOnTheLoginPageEndsTheLoginAsItSays() throws Exception {
        for (MockBehaviour behaviour : MockBehaviour.values()) {
            String jwt = jwtFromTheLoginPage("zoe", behaviour);
            // only the timeout behaviour needs a short deadline; the others get room on a busy machine
            CompletionStage<SlotInfo> login = chain.backend.getSlotInfo(jwt,
                    behaviour == MockBehaviour.TIMEOUT ? SHORT_TIMEOUT : Duration.ofSeconds(5));
            ErrorCode expected = switch (behaviour) {
                case SUCCESS, SLOW, DUPLICATE, EARLY -> null;
                case EXPIRED -> ErrorCode.EXPIRED_TOKEN;
                case FAIL -> ErrorCode.AUTHORIZE_FAILED;
                case REJECT -> ErrorCode.CALLBACK_REJECTED;
                case TIMEOUT -> ErrorCode.CALLBACK_TIMEOUT;
                case TOKENERROR -> ErrorCode.UPSTREAM_HTTP;
            };
            if (expected == null) {
                assertEquals("zoe", await(login).tokenNickname(), behaviour.word());
            } else {
                assertEquals(expected, failureOf(login).code(), behaviour.word());
            }
        }
    }

    @Test
    void theDefaultBehaviourIsForJwtsThatNameNone() {
        chain.mock.defaultBehaviour(MockBehaviour.REJECT);
        assertEquals(ErrorCode.CALLBACK_REJECTED, failureOf(chain.backend.getSlotInfo("test-jwt-amy")).code());
        assertEquals(ErrorCode.EXPIRED_TOKEN, failureOf(chain.backend.getSlotInfo("expired-jwt-amy")).code());
        chain.mock.script("test-jwt-bea", MockBehaviour.TOKENERROR);
        assertEquals(ErrorCode.UPSTREAM_HTTP, failureOf(chain.backend.getSlotInfo("test-jwt-bea")).code());
    }

    @Test
    void resetForgetsRequestsScriptsOverridesAndTheDefault() throws Exception {
        chain.mock.defaultBehaviour(MockBehaviour.FAIL).script("success-jwt-cy", MockBehaviour.EXPIRED)
                .override(MockDeOAuthServer.GET_TOKEN, 500, "{}");
        failureOf(chain.backend.getSlotInfo("test-jwt-cy"));
        chain.mock.reset();
        assertTrue(chain.mock.requests().isEmpty());
        assertEquals("cy", await(chain.backend.getSlotInfo("test-jwt-cy")).tokenNickname());
        assertEquals("cy", await(chain.backend.getSlotInfo("success-jwt-cy")).tokenNickname());
    }

    @Test
    void oneUserKeepsOneSlotIdOverLogins() throws Exception {
        SlotInfo first = await(chain.backend.getSlotInfo(jwtFromTheLoginPage("dee", MockBehaviour.SUCCESS)));
        SlotInfo second = await(chain.backend.getSlotInfo(jwtFromTheLoginPage("dee", MockBehaviour.SUCCESS)));
        SlotInfo other = await(chain.backend.getSlotInfo(jwtFromTheLoginPage("eve", MockBehaviour.SUCCESS)));
        assertEquals(first.id(), second.id());
        assertEquals(first.contentAddress(), second.contentAddress());
        assertTrue(!first.id().equals(other.id()));
    }

    @Test
    void aConfiguredBehaviourNameIsCheckedAndTheErrorListsTheNames() {
        assertEquals(MockBehaviour.TIMEOUT, MockBehaviour.parse(" Timeout "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MockBehaviour.parse("later"));
        assertTrue(e.getMessage().contains("[success, expired, fail, reject, timeout, tokenerror, slow, duplicate, early]"),
                e.getMessage());
    }

    /** What the login page hands over when a person picks this name and behaviour. */
    private String jwtFromTheLoginPage(String name, MockBehaviour behaviour) throws Exception {
        Answer page = Http.post(chain.mock.baseUri() + MockDeOAuthServer.LOGIN_PAGE, "application/x-www-form-urlencoded",
                "client_id=" + TestChain.CLIENT_ID + "&redirect_uri=" + URLEncoder.encode(chain.redirectUri, StandardCharsets.UTF_8)
                + "&state=page-state&name=" + name + "&behaviour=" + behaviour.word());
        assertEquals(200, page.status(), page.body());
        Matcher jwt = JWT.matcher(page.body());
        assertTrue(jwt.find(), page.body());
        return jwt.group(1);
    }
}
