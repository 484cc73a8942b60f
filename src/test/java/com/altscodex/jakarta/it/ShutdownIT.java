package com.altscodex.jakarta.it;

import static com.altscodex.jakarta.dev.MockDeOAuthServer.AUTHORIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.altscodex.jakarta.dev.MockDeOAuthServer;
import com.altscodex.jakarta.it.Http.Answer;
import com.altscodex.jakarta.testkit.MockDeOAuthExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real stop: SIGTERM to a stock server while logins wait. Every waiting client gets 503
 * SHUTDOWN, not a dropped connection. Then the server's whole log is scanned for the secret, the
 * JWTs and the tokens this run used.
 */
class ShutdownIT {
    private static final String CLIENT = "shutdown-client";
    private static final String SECRET = "sd-secret-" + UUID.randomUUID();
    private static final int WAITING = 100;

    @RegisterExtension
    static final MockDeOAuthExtension DEOAUTH = MockDeOAuthExtension.forClient(CLIENT, SECRET);

    /** Both servers start side by side, where there are two (one start-up's wait); null where there is one. */
    private static ServerProcess stopping;
    private static ServerProcess undeploying;

    @BeforeAll
    static void startThem() throws Exception {
        List<ServerProcess.Launch> launches = new ArrayList<>(List.of(launch("shutdown")));
        if (!ServerProcess.isPayara()) {
            launches.add(launch("undeploy"));
        }
        List<ServerProcess> started = ServerProcess.startTogether(launches);
        stopping = started.get(0);
        undeploying = started.size() > 1 ? started.get(1) : null;
    }

    @AfterAll
    static void closeThem() throws Exception {
        for (ServerProcess server : new ServerProcess[] {stopping, undeploying}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void sigtermAnswersEveryWaitingLoginAndTheLogHoldsNoSecret() throws Exception {
        List<String> jwts = new ArrayList<>();
        MockDeOAuthServer mock = DEOAUTH.server();
        try (ServerProcess server = stopping) {
            String base = server.baseUrl();
            // one login of each kind first, so the log holds their lines
            for (String kind : List.of("test", "expired", "reject", "fail", "tokenerror")) {
                String jwt = kind + "-eyJ" + UUID.randomUUID().toString().replace("-", "");
                jwts.add(jwt);
                Answer answer = Http.login(base, jwt);
                assertEquals(kind.equals("test") ? 200 : kind.equals("expired") ? 401 : 502,
                        answer.status(), kind + ": " + answer);
            }
            List<CompletableFuture<Timed>> waiting = holdLogins(server, jwts);
            long stopping = System.nanoTime();
            server.stop();
            assertEveryOneAnsweredShutdown(waiting, stopping, "SIGTERM");

            String log = server.log();
            assertTrue(log.contains("SUCCESS") && log.contains("EXPIRED_TOKEN")
                    && log.contains("CALLBACK_REJECTED"), "the log must hold the login lines it is scanned for");
            // a pre-boot command the server does not know only logs a WARNING, and the setting is lost
            assertEquals(List.of(), server.logLines("Boot Command set failed"),
                    "server-config/" + ServerProcess.kind() + "/pre-boot-commands.asadmin holds a command this Payara lacks");
            assertFalse(log.contains(SECRET), "the client secret is in the server log");
            for (String jwt : jwts) {
                assertFalse(log.contains(jwt), "a JWT is in the server log: " + jwt.substring(0, 12) + "…");
            }
            assertFalse(mock.issuedTokens().isEmpty());
            for (String token : mock.issuedTokens()) {
                assertFalse(log.contains(token), "an issued token or code is in the server log");
            }
        }
    }

    /** The application goes, the server stays: the same answers (Payara Micro has no undeploy). */
    @Test
    void undeployAnswersEveryWaitingLogin() throws Exception {
        assumeFalse(ServerProcess.isPayara(), "Payara Micro cannot undeploy");
        try (ServerProcess server = undeploying) {
            assertEquals(200, Http.login(server.baseUrl(), "test-jwt-before").status());
            List<CompletableFuture<Timed>> waiting = holdLogins(server, new ArrayList<>());
            long undeploying = System.nanoTime();
            server.undeploy();
            assertEveryOneAnsweredShutdown(waiting, undeploying, "undeploy");
            assertEquals(404, Http.login(server.baseUrl(), "test-jwt-after").status(), "the application is gone");
            server.stop();
        }
    }

    private static ServerProcess.Launch launch(String name) throws Exception {
        int port = ServerProcess.freePort();
        return new ServerProcess.Launch(name, port, Map.of(
                "ALTSCODEX_CLIENT_ID", CLIENT,
                "ALTSCODEX_CLIENT_SECRET", SECRET,
                "ALTSCODEX_REDIRECT_URI", "http://127.0.0.1:" + port + "/api/getinfo",
                "ALTSCODEX_AUTH_SERVER_URL", DEOAUTH.server().baseUri().toString(),
                "ALTSCODEX_AUTHORIZE_TIMEOUT", "PT120S",
                "ALTSCODEX_SESSION_SIGNING_KEYS", ItEnvironment.SESSION_KEY));
    }

    /** {@value #WAITING} logins the mock never calls back, sent and waiting once they all reached authorize. */
    private static List<CompletableFuture<Timed>> holdLogins(ServerProcess server, List<String> jwts)
            throws InterruptedException {
        MockDeOAuthServer mock = DEOAUTH.server();
        int before = mock.requests(AUTHORIZE).size();
        List<CompletableFuture<Timed>> waiting = new ArrayList<>();
        for (int i = 0; i < WAITING; i++) {
            String jwt = "timeout-eyJ" + UUID.randomUUID().toString().replace("-", "");
            jwts.add(jwt);
            waiting.add(Http.postAsync(server.baseUrl() + "/api/login", "application/json", "{\"jwt\":\"" + jwt + "\"}")
                    .thenApply(answer -> new Timed(answer, System.nanoTime())));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (mock.requests(AUTHORIZE).size() < before + WAITING) {
            assertTrue(System.nanoTime() < deadline, "the logins did not all reach authorize");
            Thread.sleep(50);
        }
        return waiting;
    }

    /**
     * Every one 503 SHUTDOWN, none dropped; prints when the last answer arrived (a figure, not a
     * target: stop() and undeploy() return only once the server is done, later than that).
     */
    private static void assertEveryOneAnsweredShutdown(List<CompletableFuture<Timed>> waiting, long since,
            String event) throws Exception {
        long last = since;
        for (CompletableFuture<Timed> login : waiting) {
            Timed timed = login.get(30, TimeUnit.SECONDS);
            assertEquals(503, timed.answer().status(), timed.answer().toString());
            assertEquals("SHUTDOWN", timed.answer().json().getString("code"));
            last = Math.max(last, timed.arrived());
        }
        System.out.printf("ShutdownIT on %s: %d waiting logins answered 503 SHUTDOWN, the last %d ms after %s%n",
                ServerProcess.kind(), WAITING, (last - since) / 1_000_000, event);
    }

    /** An answer and when it arrived ({@link System#nanoTime()}). */
    private record Timed(Answer answer, long arrived) {
    }
}
