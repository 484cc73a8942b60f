package com.altscodex.jakarta;

import static com.altscodex.jakarta.TestChain.await;
import static com.altscodex.jakarta.TestChain.failureOf;
import static com.altscodex.jakarta.dev.MockDeOAuthServer.AUTHORIZE;
import static com.altscodex.jakarta.dev.MockDeOAuthServer.GET_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.error.OverloadedException;
import com.altscodex.jakarta.pending.CallbackMatch;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Backpressure, readiness and what the backend reports for metrics. */
class OperationsTest {

    @Test
    void beyondMaxPendingALoginIsRefusedAtOnceWithRetryAfter() throws Exception {
        try (TestChain chain = TestChain.withMaxPending(2)) {
            chain.backend.getSlotInfo("timeout-1", Duration.ofSeconds(5));
            chain.backend.getSlotInfo("timeout-2", Duration.ofSeconds(5));
            OverloadedException refused = assertInstanceOf(OverloadedException.class,
                    failureOf(chain.backend.getSlotInfo("test-jwt-3")));
            assertEquals(503, refused.status());
            assertTrue(refused.retryAfterSeconds() > 0);
            assertEquals(2, chain.backend.pendingLogins(), "the refused login was never registered");
            AltsCodexBackendTest.waitUntil(() -> chain.mock.requests(AUTHORIZE).size() == 2);
            Thread.sleep(200);
            assertEquals(2, chain.mock.requests(AUTHORIZE).size(), "nothing was sent for the refused login");
            assertTrue(chain.observed.outcomes.contains("OVERLOADED"));
        }
    }

    @Test
    void rejectedCredentialsMakeReadinessDownUntilAnExchangeWorks() throws Exception {
        try (TestChain chain = TestChain.start()) {
            assertTrue(chain.backend.readiness().ready());
            chain.mock.override(GET_TOKEN, 401, "{\"success\":false,\"code\":\"invalid_client\"}");
            assertEquals(ErrorCode.UPSTREAM_HTTP, failureOf(chain.backend.getSlotInfo("test-jwt-a")).code());
            assertTrue(chain.backend.readiness().credentialsRejected());
            assertFalse(chain.backend.readiness().ready());
            assertEquals(List.of("DeOAuth server rejected the client credentials"), chain.backend.readiness().reasons());
            // exactly one get_token: a 401 is an answer, never retried
            assertEquals(1, chain.mock.requests(GET_TOKEN).size());
            chain.mock.override(GET_TOKEN, 0, null);
            await(chain.backend.getSlotInfo("test-jwt-b"));
            assertTrue(chain.backend.readiness().ready());
        }
    }

    @Test
    void readinessIsDownOnceShutDown() throws Exception {
        try (TestChain chain = TestChain.start()) {
            chain.backend.shutdown();
            assertTrue(chain.backend.readiness().shuttingDown());
            assertFalse(chain.backend.readiness().ready());
        }
    }

    @Test
    void everyCallbackIsReportedWithWhatItMatched() throws Exception {
        try (TestChain chain = TestChain.start()) {
            await(chain.backend.getSlotInfo("duplicate-x"));
            AltsCodexBackendTest.waitUntil(() -> chain.observed.callbacks.size() == 2);
            assertTrue(chain.observed.callbacks.containsAll(List.of(CallbackMatch.MATCHED)));
            assertTrue(chain.observed.callbacks.contains(CallbackMatch.DUPLICATE)
                    || chain.observed.callbacks.contains(CallbackMatch.LATE), chain.observed.callbacks.toString());
            chain.backend.onCallback("no-such-state", "1", "c");
            assertEquals(CallbackMatch.UNKNOWN, chain.observed.callbacks.get(2));
            assertEquals(List.of("SUCCESS"), chain.observed.outcomes);
            assertTrue(chain.observed.upstreamCalls.containsAll(List.of("authorize 200", "get_token 200")),
                    chain.observed.upstreamCalls.toString());
        }
    }
}
