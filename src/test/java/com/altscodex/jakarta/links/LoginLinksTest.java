package com.altscodex.jakarta.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.TestChain;
import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.BackendExecutors;
import com.altscodex.jakarta.config.LinkSettings;
import com.altscodex.jakarta.config.SessionSettings;
import com.altscodex.jakarta.config.SettingsReader;
import com.altscodex.jakarta.config.SigningKeys;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.ErrorCode;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The login links' rules on the real chain (the mock DeOAuth server) and the in-memory store. */
class LoginLinksTest {
    private static final String API_KEY = "unit-links-key-0123456789";
    private TestChain chain;
    private BackendExecutors executors;
    private LoginLinks links;

    private LoginLinks links(Duration ttl, int maxPending) {
        AltsCodexSettings settings = TestChain.settings(chain.mock.baseUri(), chain.redirectUri, Duration.ofSeconds(5))
                .withSession(new SessionSettings(true, SigningKeys.of(List.of(new byte[32])), Duration.ofHours(1),
                        "s", List.of("player"), false))
                .withLinks(new LinkSettings(List.of(SettingsReader.sha256(API_KEY)), "link-issuer", ttl, null, maxPending));
        return new LoginLinks(settings, executors, new com.altscodex.jakarta.session.Sessions(settings), chain.backend,
                Clock.systemUTC());
    }

    @BeforeEach
    void start() throws Exception {
        chain = TestChain.start();
        executors = BackendExecutors.standalone();
        links = links(Duration.ofMinutes(10), 100);
    }

    @AfterEach
    void stop() {
        links.close();
        executors.work().shutdownNow();
        executors.timers().shutdownNow();
        chain.close();
    }

    private static <T> T await(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static AltsCodexException failure(java.util.concurrent.CompletionStage<?> stage) throws Exception {
        try {
            stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c ? c.getCause() : e.getCause();
            return (AltsCodexException) cause;
        }
        throw new AssertionError("the stage succeeded");
    }

    private static String token(LoginLinks.Issued issued) {
        return issued.url().substring(issued.url().lastIndexOf('/') + 1);
    }

    @Test
    void onlyAnApiKeyOrTheIssuerRoleMayIssue() {
        assertTrue(links.mayIssue("Bearer " + API_KEY, role -> false));
        assertTrue(links.mayIssue("bearer  " + API_KEY, role -> false));
        assertFalse(links.mayIssue("Bearer " + API_KEY + "x", role -> false));
        assertFalse(links.mayIssue(null, role -> false));
        assertFalse(links.mayIssue("Basic " + API_KEY, role -> false));
        assertTrue(links.mayIssue(null, "link-issuer"::equals));
        assertEquals(ErrorCode.API_KEY_INVALID, links.refusal().code());
    }

    @Test
    void aLinkLogsInOnceAndThePollerGetsTheSlotAndASession() throws Exception {
        LoginLinks.Issued issued = await(links.issue("kakao:user-1", null, "/api/"));
        assertTrue(issued.url().startsWith("http://127.0.0.1:"), issued.url());
        assertTrue(issued.url().contains("/api/link/"), issued.url());
        assertTrue(issued.pollUrl().endsWith("/api/login-links/" + issued.id()), issued.pollUrl());
        assertTrue(issued.userCode().matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}"), issued.userCode());
        assertEquals(LinkStatus.PENDING, await(links.status(token(issued))));

        CompletableFuture<java.util.Optional<JsonObject>> poll = links.poll(issued.id(), Duration.ofSeconds(20)).toCompletableFuture();
        assertFalse(poll.isDone(), "the poll waits for the login");
        assertEquals("dana", await(links.complete(token(issued), "test-jwt-dana")).tokenNickname());
        JsonObject outcome = poll.get(5, TimeUnit.SECONDS).orElseThrow();
        assertEquals("succeeded", outcome.getString("status"));
        assertEquals("kakao:user-1", outcome.getString("subject"));
        assertEquals("dana", outcome.getJsonObject("slot").getString("token_nickname"));
        assertFalse(outcome.getJsonObject("slot").containsKey("access_token"), outcome.toString());
        assertFalse(outcome.toString().contains("mock-access-"), "never the DeOAuth access token");
        assertTrue(outcome.getString("session_token").split("\\.").length == 3);

        AltsCodexException again = failure(links.complete(token(issued), "test-jwt-dana"));
        assertEquals(ErrorCode.LINK_USED, again.code());
        assertTrue(again.getMessage().contains("used already"), again.getMessage());
        assertEquals(LinkStatus.SUCCEEDED, await(links.status(token(issued))));
    }

    @Test
    void aFailedLoginSettlesTheLinkAsFailedWithItsCode() throws Exception {
        LoginLinks.Issued issued = await(links.issue("bot:7", null, "/api/"));
        assertEquals(ErrorCode.EXPIRED_TOKEN, failure(links.complete(token(issued), "expired-erik")).code());
        JsonObject outcome = await(links.poll(issued.id(), Duration.ZERO)).orElseThrow();
        assertEquals("failed", outcome.getString("status"));
        assertEquals("EXPIRED_TOKEN", outcome.getJsonObject("error").getString("code"));
    }

    @Test
    void aTypedCodeFindsItsLinkUntilItIsUsed() throws Exception {
        LoginLinks.Issued issued = await(links.issue("console:9", null, "/api/"));
        String typed = issued.userCode().toLowerCase().replace("-", " ");
        String path = await(links.pathForCode(typed)).orElseThrow();
        assertTrue(path.startsWith("link/"), path);
        await(links.complete(path.substring("link/".length()), "test-jwt-finn"));
        assertTrue(await(links.pathForCode(issued.userCode())).isEmpty(), "a used link's code leads nowhere");
        assertTrue(await(links.pathForCode("BBBB-BBB1")).isEmpty());
    }

    @Test
    void anExpiredLinkSaysSoToItsPageItsUserAndItsPoller() throws Exception {
        LoginLinks shortLived = links(Duration.ofMillis(300), 100);
        try {
            LoginLinks.Issued issued = await(shortLived.issue("bot:8", null, "/api/"));
            JsonObject polled = await(shortLived.poll(issued.id(), Duration.ofSeconds(10))).orElseThrow();
            assertEquals("expired", polled.getString("status"), "the poll ends with the link's own time");
            assertEquals(ErrorCode.LINK_EXPIRED, failure(shortLived.complete(token(issued), "test-jwt-gus")).code());
            assertEquals(LinkStatus.EXPIRED, await(shortLived.status(token(issued))));
        } finally {
            shortLived.close();
        }
    }

    @Test
    void pendingLinksAreCappedAndForgedTokensAreNoLinks() throws Exception {
        LoginLinks capped = links(Duration.ofMinutes(1), 2);
        try {
            await(capped.issue("a", null, "/api/"));
            await(capped.issue("b", null, "/api/"));
            AltsCodexException full = failure(capped.issue("c", null, "/api/"));
            assertEquals(ErrorCode.OVERLOADED, full.code());
        } finally {
            capped.close();
        }
        assertEquals(ErrorCode.LINK_NOT_FOUND, failure(links.complete("not.a.link", "test-jwt-x")).code());
        assertEquals(null, await(links.status("not.a.link")));
        assertEquals(ErrorCode.BAD_REQUEST, failure(links.issue(" ", null, "/api/")).code());
        assertEquals(ErrorCode.BAD_REQUEST, failure(links.issue("x", "ftp://nope", "/api/")).code());
        assertNotEquals(await(links.issue("x", null, "/api/")).id(), await(links.issue("x", null, "/api/")).id());
    }
}
