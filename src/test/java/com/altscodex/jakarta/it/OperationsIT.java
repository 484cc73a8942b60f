package com.altscodex.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.dev.MockDeOAuthServer;
import com.altscodex.jakarta.it.Http.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Operations on a stock server: backpressure, the circuit breaker against a DeOAuth server
 * that goes down and comes back, rejected credentials, health, metrics and /openapi. The steps
 * share one server and run in order; the metrics step counts what the others did.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {
    private static final String CLIENT = "ops-client";
    private static final String SECRET = "ops-secret-2b7f0c";
    private static final String BREAKER = "COM_ALTSCODEX_JAKARTA_CLIENT_DEOAUTHCIRCUIT_SEND_CIRCUITBREAKER_";

    private static int mockPort;
    private static MockDeOAuthServer mock;
    private static ServerProcess server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        mockPort = ServerProcess.freePort();
        mock = MockDeOAuthServer.start(mockPort, CLIENT, SECRET);
        int port = ServerProcess.freePort();
        server = ServerProcess.start("operations", port, Map.of(
                "ALTSCODEX_CLIENT_ID", CLIENT,
                "ALTSCODEX_CLIENT_SECRET", SECRET,
                "ALTSCODEX_REDIRECT_URI", "http://127.0.0.1:" + port + "/api/getinfo",
                "ALTSCODEX_AUTH_SERVER_URL", mock.baseUri().toString(),
                "ALTSCODEX_AUTHORIZE_TIMEOUT", "2s",
                "ALTSCODEX_MAX_PENDING", "3",
                "ALTSCODEX_SESSION_SIGNING_KEYS", ItEnvironment.SESSION_KEY,
                // MicroProfile Fault Tolerance's own keys, through the environment like ours
                BREAKER + "REQUESTVOLUMETHRESHOLD", "4",
                // a value keeps the annotation's unit (seconds) unless its unit is set too: WildFly
                // read 1500 as 1500 s
                BREAKER + "DELAY", "1500",
                BREAKER + "DELAYUNIT", "MILLIS"));
        base = server.baseUrl();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (mock != null) {
            mock.close();
        }
    }

    private static Answer get(String url) throws Exception {
        HttpResponse<String> response = Http.client().send(
                HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static void restartMock(String secret) throws Exception {
        mock.close();
        mock = MockDeOAuthServer.start(mockPort, CLIENT, secret);
    }

    @Test
    @Order(1)
    void readyAndAliveWhenAllIsWell() throws Exception {
        assertEquals(200, Http.login(base, "test-jwt-ok").status());
        Answer ready = get(server.healthUrl() + "/ready");
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("\"status\":\"UP\""), ready.body());
        assertEquals(200, get(server.healthUrl() + "/live").status());
    }

    @Test
    @Order(2)
    void beyondMaxPendingTheLoginIsRefusedWithRetryAfter() throws Exception {
        List<CompletableFuture<Answer>> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(Http.postAsync(base + "/api/login", "application/json", "{\"jwt\":\"timeout-" + i + "\"}"));
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (mock.requests(MockDeOAuthServer.AUTHORIZE).stream()
                .filter(r -> r.header("Authorization").startsWith("Bearer timeout-")).count() < 3) {
            assertTrue(System.nanoTime() < deadline);
            Thread.sleep(20);
        }
        HttpResponse<String> refused = Http.client().send(HttpRequest.newBuilder(
                URI.create(base + "/api/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jwt\":\"test-jwt-late\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"code\":\"OVERLOADED\""), refused.body());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "Retry-After header");
        for (CompletableFuture<Answer> login : waiting) {
            assertEquals(408, login.join().status());
        }
        assertEquals(200, Http.login(base, "test-jwt-after").status(), "room again once they timed out");
    }

    @Test
    @Order(3)
    void anOutageOpensTheCircuitAndTheRecoveryClosesIt() throws Exception {
        mock.close();
        String code = null;
        for (int i = 0; i < 10 && !"UPSTREAM_UNAVAILABLE".equals(code); i++) {
            Answer answer = Http.login(base, "test-jwt-down" + i);
            assertEquals(502, answer.status(), answer.body());
            code = answer.json().getString("code");
            assertTrue(code.equals("AUTHORIZE_FAILED") || code.equals("UPSTREAM_UNAVAILABLE"), code);
        }
        assertEquals("UPSTREAM_UNAVAILABLE", code, "the circuit never opened");
        Answer ready = get(server.healthUrl() + "/ready");
        assertEquals(503, ready.status(), ready.body());
        assertTrue(ready.body().contains("circuit"), ready.body());

        mock = MockDeOAuthServer.start(mockPort, CLIENT, SECRET);
        Thread.sleep(1700); // the breaker's delay, then it lets a trial call through
        // on a busy machine a breaker may take a moment more to go half-open: only the open circuit's
        // own answer may be asked again, for at most 5 s more
        long openUntil = System.nanoTime() + 5_000_000_000L;
        Answer back = Http.login(base, "test-jwt-back");
        while (back.status() == 502 && "UPSTREAM_UNAVAILABLE".equals(back.json().getString("code"))
                && System.nanoTime() < openUntil) {
            Thread.sleep(250);
            back = Http.login(base, "test-jwt-back");
        }
        assertEquals(200, back.status(), back.body());
        assertEquals(200, get(server.healthUrl() + "/ready").status());
    }

    @Test
    @Order(4)
    void rejectedCredentialsMakeReadinessDownUntilTheyWorkAgain() throws Exception {
        restartMock("some-other-secret");
        for (int i = 0; i < 2; i++) {
            Answer answer = Http.login(base, "test-jwt-cred" + i);
            assertEquals(502, answer.status(), answer.body());
            assertEquals("UPSTREAM_HTTP", answer.json().getString("code"));
        }
        Answer ready = get(server.healthUrl() + "/ready");
        assertEquals(503, ready.status(), ready.body());
        assertTrue(ready.body().contains("credentials"), ready.body());
        List<String> rejected = server.logLines("rejected this client's credentials");
        assertEquals(1, rejected.size(), "logged once: " + rejected);
        assertTrue(ServerProcess.atSevere(rejected.get(0)), "at SEVERE: " + rejected.get(0));

        restartMock(SECRET);
        assertEquals(200, Http.login(base, "test-jwt-fixed").status());
        assertEquals(200, get(server.healthUrl() + "/ready").status());
    }

    @Test
    @Order(5)
    void metricsCountWhatHappened() throws Exception {
        Http.post(base + "/api/getinfo?state=nobody&success=1&code=x", "application/json", "{}");
        String metrics = Http.get(server.metricsUrl()).body();
        assertEquals(4, metric(metrics, "altscodex_logins_total", "outcome", "SUCCESS"), metrics);
        assertEquals(1, metric(metrics, "altscodex_logins_total", "outcome", "OVERLOADED"));
        assertEquals(3, metric(metrics, "altscodex_logins_total", "outcome", "CALLBACK_TIMEOUT"));
        assertEquals(2, metric(metrics, "altscodex_logins_total", "outcome", "UPSTREAM_HTTP"));
        assertTrue(metric(metrics, "altscodex_logins_total", "outcome", "UPSTREAM_UNAVAILABLE") >= 1);
        assertTrue(metric(metrics, "altscodex_logins_total", "outcome", "AUTHORIZE_FAILED") >= 1);
        assertEquals(0, metric(metrics, "altscodex_logins_waiting", null, null), "and not NaN");
        // four logins succeeded and two reached get_token with the wrong secret
        assertEquals(6, metric(metrics, "altscodex_callbacks_total", "kind", "matched"));
        assertEquals(1, metric(metrics, "altscodex_callbacks_total", "kind", "unknown"));
        assertEquals(2, metric(metrics, "altscodex_upstream_calls_total", "status", "401"));
        assertTrue(metric(metrics, "altscodex_upstream_calls_total", "status", "none") >= 1);
        assertTrue(metric(metrics, "altscodex_login_duration_seconds_count", null, null) >= 10);
        // every duration sample in seconds: no login here took a minute, a nanosecond figure is 1e6 or more
        Matcher duration = Pattern.compile("^altscodex_login_duration_seconds(_sum|_mean|_max)?\\{[^}]*\\} ([0-9.E+-]+)$",
                Pattern.MULTILINE).matcher(metrics);
        int samples = 0;
        while (duration.find()) {
            samples++;
            assertTrue(Double.parseDouble(duration.group(2)) < 60, "not in seconds: " + duration.group());
        }
        assertTrue(samples >= 1, metrics);
        // WildFly's per-deployment Micrometer registry drops meters' descriptions (MicrometerMetrics)
        String help = ServerProcess.kind().equals("wildfly") ? " ?" : " \\S";
        for (String family : List.of("altscodex_logins_total", "altscodex_logins_waiting",
                "altscodex_login_duration_seconds", "altscodex_upstream_calls_total", "altscodex_callbacks_total")) {
            assertTrue(Pattern.compile("^# HELP " + family + help, Pattern.MULTILINE).matcher(metrics).find(),
                    "no HELP for " + family + " in\n" + metrics);
        }
    }

    @Test
    @Order(6)
    void openApiDescribesOurPaths() throws Exception {
        Answer openapi = Http.get(base + "/openapi");
        assertEquals(200, openapi.status());
        for (String path : List.of("/api/login:", "/api/getinfo:", "/api/login-url:", "/api/me:", "/api/logout:",
                "session_token", "LoginError:", "Retry-After")) {
            assertTrue(openapi.body().contains(path), path + " in\n" + openapi.body());
        }
    }

    @Test
    @Order(7)
    void aWrongMethodIsAnAnswerNotAnErrorInTheLog() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(405, Http.get(base + "/api/getinfo").status());
        }
        // Open Liberty logged each unmapped 405 as a warning with a stack trace
        assertEquals(List.of(), server.logLines("NotAllowedException"));
        assertEquals(List.of(), server.logLines("CWPMI2006W"));
    }

    /**
     * The value of the first line of {@code name} carrying {@code label="value"} (any line if label
     * is null); NaN when there is none.
     */
    static double metric(String metrics, String name, String label, String value) {
        Pattern line = Pattern.compile("^" + name + "\\{([^}]*)\\} ([0-9.E+-]+|NaN)$", Pattern.MULTILINE);
        Matcher m = line.matcher(metrics);
        while (m.find()) {
            if (label == null || m.group(1).contains(label + "=\"" + value + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return Double.NaN;
    }
}
