package com.altscodex.jakarta.client;

import static com.altscodex.jakarta.TestChain.await;
import static com.altscodex.jakarta.TestChain.failureOf;
import static com.altscodex.jakarta.dev.MockDeOAuthServer.AUTHORIZE;
import static com.altscodex.jakarta.dev.MockDeOAuthServer.GET_TOKEN;
import static com.altscodex.jakarta.dev.MockDeOAuthServer.LOGOUT;
import static com.altscodex.jakarta.dev.MockDeOAuthServer.REFRESH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.TestChain;
import com.altscodex.jakarta.dev.RecordedRequest;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.error.UpstreamHttpException;
import com.altscodex.jakarta.wire.SlotInfo;
import com.altscodex.jakarta.wire.TokenSet;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every request of PROTOCOL.md, byte for byte as the mock DeOAuth server received it. */
class DeOAuthWireTest {
    private TestChain chain;

    @BeforeEach
    void start() throws Exception {
        chain = TestChain.start();
    }

    @AfterEach
    void stop() {
        chain.close();
    }



    private static JsonObject json(String body) {
        return JsonProvider.provider().createReader(new StringReader(body)).readObject();
    }

    @Test
    void authorizeIsAGetWithBearerJwtAndTheMisspelledResposeType() throws Exception {
        await(chain.backend.getSlotInfo("test-jwt-alice"));
        List<RecordedRequest> authorize = chain.mock.requests(AUTHORIZE);
        assertEquals(1, authorize.size());
        RecordedRequest request = authorize.get(0);
        assertEquals("GET", request.method());
        assertEquals("Bearer test-jwt-alice", request.header("Authorization"));
        Map<String, String> query = request.query();
        assertEquals(List.of("client_id", "redirect_uri", "respose_type", "state"), List.copyOf(query.keySet()));
        assertEquals(TestChain.CLIENT_ID, query.get("client_id"));
        assertEquals(chain.redirectUri, query.get("redirect_uri"));
        assertEquals("code", query.get("respose_type"));
        assertFalse(request.rawQuery().contains("response_type"), "the correct spelling must not be sent");
        assertTrue(query.get("state").matches("[0-9a-f]{32}"), "≥128-bit state: " + query.get("state"));
        // sorted and form-encoded, as the Go sibling sends it
        assertEquals("client_id=unit-client&redirect_uri="
                + java.net.URLEncoder.encode(chain.redirectUri, StandardCharsets.UTF_8)
                + "&respose_type=code&state=" + query.get("state"), request.rawQuery());
    }

    @Test
    void getTokenIsAPostWithBasicCredentialsAndTheCodeGrant() throws Exception {
        SlotInfo slot = await(chain.backend.getSlotInfo("test-jwt-alice"));
        RecordedRequest request = chain.mock.requests(GET_TOKEN).get(0);
        assertEquals("POST", request.method());
        String basic = Base64.getEncoder().encodeToString(
                (TestChain.CLIENT_ID + ":" + TestChain.SECRET).getBytes(StandardCharsets.UTF_8));
        assertEquals("Basic " + basic, request.header("Authorization"));
        assertTrue(request.header("Content-Type").startsWith("application/json"), request.header("Content-Type"));
        JsonObject body = json(request.body());
        assertEquals(3, body.size());
        assertEquals("code", body.getString("grant_type"));
        assertEquals(slot.code(), body.getString("code"));
        assertEquals(chain.redirectUri, body.getString("redirect_uri"));
    }

    @Test
    void refreshSendsTheFiveFieldsAndReadsTheTokenSet() throws Exception {
        TokenSet tokens = await(chain.backend.refreshTokens("refresh-1", "code-1"));
        assertTrue(tokens.accessToken().startsWith("mock-access-"));
        assertTrue(tokens.refreshToken().startsWith("mock-refresh-"));
        RecordedRequest request = chain.mock.requests(REFRESH).get(0);
        assertEquals("POST", request.method());
        assertTrue(request.header("Content-Type").startsWith("application/json"));
        JsonObject body = json(request.body());
        assertEquals(Map.of("refresh_token", "refresh-1", "client_id", TestChain.CLIENT_ID,
                "client_secret", TestChain.SECRET, "redirect_uri", chain.redirectUri, "code", "code-1"),
                Map.of("refresh_token", body.getString("refresh_token"), "client_id", body.getString("client_id"),
                        "client_secret", body.getString("client_secret"),
                        "redirect_uri", body.getString("redirect_uri"), "code", body.getString("code")));
        assertEquals(5, body.size());
    }

    @Test
    void refreshSuccessFalseFails() {
        chain.mock.override(REFRESH, 200, "{\"success\":false,\"message\":\"refresh token revoked\"}");
        assertEquals(ErrorCode.UPSTREAM_HTTP, failureOf(chain.backend.refreshTokens("r", "c")).code());
    }

    @Test
    void logoutIsAPostWithTheBearerJwt() throws Exception {
        await(chain.backend.logout("test-jwt-alice"));
        RecordedRequest request = chain.mock.requests(LOGOUT).get(0);
        assertEquals("POST", request.method());
        assertEquals("Bearer test-jwt-alice", request.header("Authorization"));
    }

    @Test
    void logoutAcceptsAny2xxAndFailsOnOtherStatuses() throws Exception {
        chain.mock.override(LOGOUT, 204, "");
        await(chain.backend.logout("j"));
        chain.mock.override(LOGOUT, 403, "{}");
        UpstreamHttpException failure = assertInstanceOf(UpstreamHttpException.class,
                failureOf(chain.backend.logout("j")));
        assertEquals(403, failure.upstreamStatus());
    }

    @Test
    void getTokenAcceptsAFlatSlotWithUnknownFields() throws Exception {
        chain.mock.override(GET_TOKEN, 200, "{\"id\":\"u-1\",\"access_token\":\"t\",\"tr_cnt\":\"7\","
                + "\"brand_new_field\":{\"nested\":[1,2]}}");
        SlotInfo slot = await(chain.backend.exchangeCode("any-code"));
        assertEquals("u-1", slot.id());
        assertEquals("t", slot.accessToken());
        assertEquals(7, slot.trCnt());
        assertNull(slot.contentAddress());
    }

    @Test
    void getTokenTakesTheFirstSlotOfData() throws Exception {
        chain.mock.override(GET_TOKEN, 200, "{\"data\":[{\"id\":\"first\"},{\"id\":\"second\"}]}");
        assertEquals("first", await(chain.backend.exchangeCode("c")).id());
    }

    @Test
    void getTokenWithoutASlotOrWithANon2xxIsUpstreamHttp() {
        chain.mock.override(GET_TOKEN, 200, "{\"data\":[]}");
        assertEquals(ErrorCode.UPSTREAM_HTTP, failureOf(chain.backend.exchangeCode("c")).code());
        chain.mock.override(GET_TOKEN, 200, "<html>not json</html>");
        assertEquals(ErrorCode.UPSTREAM_HTTP, failureOf(chain.backend.exchangeCode("c")).code());
        chain.mock.override(GET_TOKEN, 401, "{\"success\":false,\"code\":\"invalid_client\"}");
        UpstreamHttpException failure = assertInstanceOf(UpstreamHttpException.class,
                failureOf(chain.backend.exchangeCode("c")));
        assertEquals(401, failure.upstreamStatus());
        assertEquals(502, failure.status());
    }

    @Test
    void authorizeNon2xxIsAuthorizeFailedAndExpiredTokenWinsWhateverTheStatus() {
        chain.mock.override(AUTHORIZE, 503, "service unavailable");
        assertEquals(ErrorCode.AUTHORIZE_FAILED, failureOf(chain.backend.getSlotInfo("j")).code());
        chain.mock.override(AUTHORIZE, 401, "{\"success\":false,\"code\":\"EXPIRED_TOKEN\",\"msg\":\"expired\"}");
        assertEquals(ErrorCode.EXPIRED_TOKEN, failureOf(chain.backend.getSlotInfo("j")).code());
        chain.mock.override(AUTHORIZE, 200, "{}");
        assertEquals(ErrorCode.AUTHORIZE_FAILED, failureOf(chain.backend.getSlotInfo("j")).code());
        assertEquals(0, chain.backend.pendingLogins());
    }

    @Test
    void anUnreachableServerFailsTheLoginAt502() throws Exception {
        int closedPort = chain.mock.port();
        chain.mock.close();
        try (var backend = new AutoCloseableBackend(TestChain.settings(
                java.net.URI.create("http://127.0.0.1:" + closedPort), "http://127.0.0.1:1/cb",
                java.time.Duration.ofSeconds(5)))) {
            AltsCodexException failure = failureOf(backend.backend.getSlotInfo("j"));
            assertEquals(ErrorCode.AUTHORIZE_FAILED, failure.code());
            assertTrue(failure.getMessage().contains("ConnectException"), failure.getMessage());
            assertEquals(ErrorCode.UPSTREAM_HTTP, failureOf(backend.backend.exchangeCode("c")).code());
        }
    }

    private record AutoCloseableBackend(com.altscodex.jakarta.AltsCodexBackend backend) implements AutoCloseable {
        AutoCloseableBackend(com.altscodex.jakarta.config.AltsCodexSettings settings) {
            this(com.altscodex.jakarta.AltsCodexBackend.standalone(settings));
        }

        @Override
        public void close() {
            backend.shutdown();
        }
    }
}
