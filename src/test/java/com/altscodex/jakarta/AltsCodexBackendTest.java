package com.altscodex.jakarta;

import static com.altscodex.jakarta.TestChain.await;
import static com.altscodex.jakarta.TestChain.failureOf;
import static com.altscodex.jakarta.dev.MockDeOAuthServer.GET_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.dev.MockBehaviour;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.CallbackTimeoutException;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.wire.LoginUrl;
import com.altscodex.jakarta.wire.SlotInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The login chain end to end over real HTTP: the sibling SDKs' scenarios and PROTOCOL.md's rules. */
class AltsCodexBackendTest {
    private TestChain chain;

    @BeforeEach
    void start() throws Exception {
        chain = TestChain.start();
    }

    @AfterEach
    void stop() {
        chain.close();
    }

    @Test
    void happyPathReturnsTheSlotAndLeavesNothingPending() throws Exception {
        SlotInfo slot = await(chain.backend.getSlotInfo("test-jwt-alice"));
        assertTrue(slot.id().startsWith("slot-"));
        assertEquals("alice", slot.tokenNickname());
        assertTrue(slot.accessToken().startsWith("mock-access-"));
        assertTrue(slot.contentAddress().startsWith("0x"));
        assertEquals(3, slot.trCnt());
        assertTrue(slot.code().startsWith("mock-code-"));
        assertEquals(0, chain.backend.pendingLogins());
    }

    @Test
    void expiredTokenShortCircuitsWithNothingPendingAndNoCallback() throws Exception {
        AltsCodexException failure = failureOf(chain.backend.getSlotInfo("expired-bob"));
        assertEquals(ErrorCode.EXPIRED_TOKEN, failure.code());
        assertEquals(401, failure.status());
        assertEquals(0, chain.backend.pendingLogins());
        assertTrue(chain.mock.requests(GET_TOKEN).isEmpty());
    }

    @Test
    void otherAuthorizeFailureIs502() {
        AltsCodexException failure = failureOf(chain.backend.getSlotInfo("fail-carol"));
        assertEquals(ErrorCode.AUTHORIZE_FAILED, failure.code());
        assertEquals(502, failure.status());
        assertTrue(failure.getMessage().contains("AUTHORIZE_ERROR"), failure.getMessage());
        assertEquals(0, chain.backend.pendingLogins());
    }

    @Test
    void noCallbackTimesOutWith408AndLeavesNothingPending() {
        long started = System.nanoTime();
        AltsCodexException failure = failureOf(chain.backend.getSlotInfo("timeout-dave", Duration.ofMillis(300)));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(ErrorCode.CALLBACK_TIMEOUT, failure.code());
        assertEquals(408, failure.status());
        assertTrue(tookMs >= 290, "timed out after " + tookMs + " ms, before its deadline");
        assertEquals(0, chain.backend.pendingLogins());
    }

    @Test
    void rejectedCallbackIs502() {
        AltsCodexException failure = failureOf(chain.backend.getSlotInfo("reject-erin"));
        assertEquals(ErrorCode.CALLBACK_REJECTED, failure.code());
        assertEquals(502, failure.status());
        assertTrue(failure.getMessage().contains("ACCESS_DENIED"), failure.getMessage());
        assertTrue(chain.mock.requests(GET_TOKEN).isEmpty(), "a rejected callback must not exchange");
    }

    @Test
    void getTokenErrorIsUpstreamHttp() {
        AltsCodexException failure = failureOf(chain.backend.getSlotInfo("tokenerror-frank"));
        assertEquals(ErrorCode.UPSTREAM_HTTP, failure.code());
        assertEquals(502, failure.status());
        assertTrue(failure.getMessage().contains("500"), failure.getMessage());
    }

    @Test
    void twoConcurrentLoginsAreEachResolvedByTheirOwnState() throws Exception {
        CompletionStage<SlotInfo> alice = chain.backend.getSlotInfo("test-jwt-alice");
        CompletionStage<SlotInfo> bob = chain.backend.getSlotInfo("test-jwt-bob");
        assertEquals("alice", await(alice).tokenNickname());
        assertEquals("bob", await(bob).tokenNickname());
        assertNotEquals(await(alice).id(), await(bob).id());
    }

    @Test
    void manyConcurrentLoginsAllSucceedWithTheirOwnSlots() throws Exception {
        List<CompletableFuture<SlotInfo>> logins = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            logins.add(chain.backend.getSlotInfo("test-jwt-user" + i).toCompletableFuture());
        }
        for (int i = 0; i < 100; i++) {
            assertEquals("user" + i, logins.get(i).get(10, TimeUnit.SECONDS).tokenNickname());
        }
        assertEquals(0, chain.backend.pendingLogins());
    }

    @Test
    void manyTimeoutsLeaveNoPendingEntry() {
        List<CompletableFuture<SlotInfo>> logins = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            logins.add(chain.backend.getSlotInfo("timeout-" + i, Duration.ofMillis(200)).toCompletableFuture());
        }
        for (CompletableFuture<SlotInfo> login : logins) {
            assertEquals(ErrorCode.CALLBACK_TIMEOUT, failureOf(login).code());
        }
        assertEquals(0, chain.backend.pendingLogins());
    }

    @Test
    void duplicateCallbackExchangesTheCodeOnce() throws Exception {
        SlotInfo slot = await(chain.backend.getSlotInfo("duplicate-gina"));
        assertEquals("gina", slot.tokenNickname());
        waitUntil(() -> chain.callbacksReceived.get() == 2);
        Thread.sleep(200); // let a wrongful second exchange reach the mock
        assertEquals(1, chain.mock.requests(GET_TOKEN).size());
    }

    @Test
    void callbackBeforeTheAuthorizeAnswerStillCompletes() throws Exception {
        assertEquals("hank", await(chain.backend.getSlotInfo("early-hank")).tokenNickname());
    }

    @Test
    void unknownStateCallbackIsANoOp() throws Exception {
        CompletionStage<SlotInfo> waiting = chain.backend.getSlotInfo("timeout-ivy", Duration.ofSeconds(5));
        waitUntil(() -> chain.backend.pendingLogins() == 1);
        chain.backend.onCallback("0123456789abcdef0123456789abcdef", "1", "made-up-code");
        chain.backend.onCallback(null, "1", "x");
        chain.backend.onCallback("", null, null);
        Thread.sleep(100);
        assertEquals(1, chain.backend.pendingLogins());
        assertFalse(waiting.toCompletableFuture().isDone());
        assertTrue(chain.mock.requests(GET_TOKEN).isEmpty());
    }

    @Test
    void theExchangeSurvivesTheCallbackRequestEnding() throws Exception {
        chain.mock.slowDelay(Duration.ofMillis(800));
        long started = System.nanoTime();
        CompletionStage<SlotInfo> login = chain.backend.getSlotInfo("slow-jack");
        waitUntil(() -> chain.callbacksReceived.get() == 1);
        // the callback request has been answered long before get_token is
        assertFalse(login.toCompletableFuture().isDone());
        assertEquals("jack", await(login).tokenNickname());
        assertTrue((System.nanoTime() - started) / 1_000_000 >= 800);
    }

    @Test
    void lateCallbackAfterTimeoutChangesNothing() throws Exception {
        chain.mock.slowDelay(Duration.ofMillis(700));
        AltsCodexException failure = failureOf(chain.backend.getSlotInfo("slow-kim", Duration.ofMillis(300)));
        assertInstanceOf(CallbackTimeoutException.class, failure);
        Thread.sleep(700);
        assertEquals(0, chain.backend.pendingLogins());
    }

    @Test
    void cancellingTheStageForgetsTheLogin() throws Exception {
        CompletionStage<SlotInfo> login = chain.backend.getSlotInfo("timeout-lee", Duration.ofSeconds(5));
        waitUntil(() -> chain.backend.pendingLogins() == 1);
        login.toCompletableFuture().cancel(false);
        assertEquals(0, chain.backend.pendingLogins());
    }

    @Test
    void shutdownAnswersEveryWaitingLoginAndRefusesNewOnes() throws Exception {
        List<CompletableFuture<SlotInfo>> waiting = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            waiting.add(chain.backend.getSlotInfo("timeout-" + i, Duration.ofSeconds(30)).toCompletableFuture());
        }
        waitUntil(() -> chain.mock.requests(com.altscodex.jakarta.dev.MockDeOAuthServer.AUTHORIZE).size() == 20);
        chain.backend.shutdown();
        for (CompletableFuture<SlotInfo> login : waiting) {
            // settled in the thread that called shutdown(): nothing left to wait for
            assertTrue(login.isDone());
            assertEquals(ErrorCode.SHUTDOWN, failureOf(login).code());
        }
        assertEquals(0, chain.backend.pendingLogins());
        assertEquals(ErrorCode.SHUTDOWN, failureOf(chain.backend.getSlotInfo("test-jwt-late")).code());
        chain.backend.shutdown(); // idempotent
        assertTrue(chain.backend.isShutDown());
    }

    @Test
    void shutdownWritesTheLoginLinesOnlyOnceEveryWaitingLoginIsAnswered() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger backendLog = Logger.getLogger(AltsCodexBackend.class.getName());
        Logger outcomes = Logger.getLogger(com.altscodex.jakarta.audit.Audit.LOGGER);
        backendLog.addHandler(capture);
        outcomes.addHandler(capture);
        try {
            List<Integer> linesWhenAnswered = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 20; i++) {
                chain.backend.getSlotInfo("timeout-" + i, Duration.ofSeconds(30))
                        .whenComplete((slot, failure) -> linesWhenAnswered.add(shutdownLines(lines)));
            }
            waitUntil(() -> chain.mock.requests(com.altscodex.jakarta.dev.MockDeOAuthServer.AUTHORIZE).size() == 20);
            chain.backend.shutdown();
            assertEquals(List.of(), linesWhenAnswered.stream().filter(n -> n != 0).toList());
            assertEquals(20, linesWhenAnswered.size());
            assertEquals(20, shutdownLines(lines));
            assertTrue(lines.get(lines.size() - 1).contains("20 waiting login(s) answered SHUTDOWN"), lines.toString());
        } finally {
            backendLog.removeHandler(capture);
            outcomes.removeHandler(capture);
        }
    }

    private static int shutdownLines(List<String> lines) {
        return (int) lines.stream().filter(line -> line.startsWith("login ") && line.contains(" SHUTDOWN in ")).count();
    }

    @Test
    void missingJwtIsABadRequest() {
        assertEquals(ErrorCode.BAD_REQUEST, failureOf(chain.backend.getSlotInfo(" ")).code());
        assertEquals(ErrorCode.BAD_REQUEST, failureOf(chain.backend.getSlotInfo(null)).code());
        assertEquals(400, failureOf(chain.backend.getSlotInfo("x", Duration.ZERO)).status());
    }

    @Test
    void scriptedBehaviourOverridesTheJwtsFirstWord() {
        chain.mock.script("test-jwt-mona", MockBehaviour.EXPIRED);
        assertEquals(ErrorCode.EXPIRED_TOKEN, failureOf(chain.backend.getSlotInfo("test-jwt-mona")).code());
    }

    @Test
    void loginUrlCarriesAFreshStateAndTheCorrectSpelling() {
        LoginUrl first = chain.backend.loginUrl();
        LoginUrl second = chain.backend.loginUrl();
        assertTrue(first.state().matches("[0-9a-f]{32}"), "128 bits as hex: " + first.state());
        assertNotEquals(first.state(), second.state());
        assertEquals("http://127.0.0.1:3000/oauth/login?client_id=" + TestChain.CLIENT_ID
                + "&redirect_uri=" + java.net.URLEncoder.encode(chain.redirectUri, java.nio.charset.StandardCharsets.UTF_8)
                + "&response_type=code&state=" + first.state(), first.url());
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
            Thread.sleep(10);
        }
        assertNotNull(condition);
    }
}
