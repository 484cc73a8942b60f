package com.altscodex.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.dev.MockDeOAuthServer;
import com.altscodex.jakarta.dev.RecordedRequest;
import com.altscodex.jakarta.it.Http.Answer;
import com.altscodex.jakarta.TestCa;
import com.altscodex.jakarta.pending.LocalSentinel;
import com.altscodex.jakarta.pending.GuideAclGrant;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Behind a load balancer: two instances of one server with the same WAR sharing one Redis (a primary
 * and its replica behind Sentinel, over TLS signed by a CA made here, as production runs it; A logs
 * in as an ACL user with a client certificate, B as the default user), and the DeOAuth callback always reaching
 * instance B (the registered redirect URI), whichever instance started the login. Logins, sessions
 * and login links work across them; B has been given a rotated key list (a new key first, A's after
 * it). Then the primary dies with 200 logins waiting: both replicas find the promoted one by
 * themselves and every login is answered once. Without Redis a login started on A waits for a
 * callback that B drops, and times out: the hole every sibling SDK documents. The two replicas serve
 * every step, in order, and no log of theirs holds a secret.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {
    private static final String CLIENT = "replicas-client";
    private static final String SECRET = "replicas-secret-73d1";
    private static final String OLD_KEY = ItEnvironment.SESSION_KEY;
    private static final String NEW_KEY = "Zm9yIHRoZSByb3RhdGlvbiB0ZXN0OiBhIG5ldyBrZXkh";
    private static final String API_KEY = "replica-links-key-5a9e7c1f";
    private static final String WEBHOOK_SECRET = "replica-webhook-secret-e4d2";
    private static final int POLLERS = 1_000;

    private static final String ACL_USER = "altscodex-replicas";
    private static final String ACL_PASSWORD = "acl-pw-replicas-8c2f";
    private static LocalSentinel redis;
    private static TestCa ca;
    private static TestCa.Issued clientCertificate;
    private static MockDeOAuthServer mock;
    private static HttpServer receiver;
    private static ServerProcess a;
    private static ServerProcess b;
    /** The same two replicas without Redis, started beside A and B so the suite waits for one start-up. */
    private static MockDeOAuthServer memoryMock;
    private static List<ServerProcess> memory = List.of();
    /** What no log line may hold: gathered as the steps make them. */
    private static final List<String> SECRETS = new CopyOnWriteArrayList<>(List.of(SECRET, OLD_KEY, NEW_KEY,
            OLD_KEY.substring(0, 20), NEW_KEY.substring(0, 20), API_KEY, WEBHOOK_SECRET, ACL_PASSWORD, TestCa.PASSWORD));

    private static Map<String, String> env(int callbackPort, String mockUrl, String redisUri, String keys) {
        return env(callbackPort, mockUrl, redisUri, keys, 0);
    }

    private static Map<String, String> env(int callbackPort, String mockUrl, String redisUri, String keys, int webhookPort) {
        Map<String, String> env = new HashMap<>(Map.of(
                "ALTSCODEX_CLIENT_ID", CLIENT,
                "ALTSCODEX_CLIENT_SECRET", SECRET,
                "ALTSCODEX_REDIRECT_URI", "http://127.0.0.1:" + callbackPort + "/api/getinfo",
                "ALTSCODEX_AUTH_SERVER_URL", mockUrl,
                "ALTSCODEX_AUTHORIZE_TIMEOUT", "30s", // long enough to wait through a failover
                "ALTSCODEX_SESSION_SIGNING_KEYS", keys));
        if (redisUri != null) {
            env.put("ALTSCODEX_PENDING_STORE", "redis");
            env.put("ALTSCODEX_REDIS_URI", redisUri);
            env.put("ALTSCODEX_LINKS_API_KEYS", API_KEY);
            env.put("ALTSCODEX_LINKS_WEBHOOK_SECRET", WEBHOOK_SECRET);
            env.put("ALTSCODEX_LINKS_TTL", "4s");
            env.put("ALTSCODEX_LINKS_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1:" + webhookPort);
        }
        return env;
    }

    @BeforeAll
    static void startTwoReplicasSharingRedis() throws Exception {
        ca = TestCa.shared("test-ca");
        clientCertificate = ca.issue("replica-a", "dns:replica-a.test");
        redis = LocalSentinel.start(ca);
        redis.addUser(ACL_USER, ACL_PASSWORD, GuideAclGrant.RULES);
        mock = MockDeOAuthServer.start(0, CLIENT, SECRET);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        receiver.createContext("/refuse", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
        });
        receiver.start();
        int portA = ServerProcess.freePort();
        int portB = ServerProcess.freePort();
        int hooks = receiver.getAddress().getPort();
        memoryMock = MockDeOAuthServer.start(0, CLIENT, SECRET);
        int memoryPortA = ServerProcess.freePort();
        int memoryPortB = ServerProcess.freePort();
        Map<String, String> memoryEnv = new HashMap<>(env(memoryPortB, memoryMock.baseUri().toString(), null, OLD_KEY));
        memoryEnv.put("ALTSCODEX_AUTHORIZE_TIMEOUT", "3s"); // the login on A waits all of it
        // A: an ACL user with the guide's grant, the CA as a PEM file, a client certificate (mutual TLS);
        // B: the default user, the CA in a trust store, no client certificate
        Map<String, String> envA = new HashMap<>(env(portB, mock.baseUri().toString(), redis.uri(ACL_USER + ":" + ACL_PASSWORD + "@"),
                OLD_KEY, hooks));
        envA.putAll(Map.of("ALTSCODEX_REDIS_CA_FILE", ca.pem().toString(),
                "ALTSCODEX_REDIS_KEY_STORE", clientCertificate.keyStore().toString(),
                "ALTSCODEX_REDIS_KEY_STORE_PASSWORD", TestCa.PASSWORD));
        Map<String, String> envB = new HashMap<>(env(portB, mock.baseUri().toString(), redis.uri(), NEW_KEY + "," + OLD_KEY, hooks));
        envB.putAll(Map.of("ALTSCODEX_REDIS_TRUST_STORE", ca.trustStore().toString(),
                "ALTSCODEX_REDIS_TRUST_STORE_PASSWORD", TestCa.PASSWORD));
        List<ServerProcess> replicas = ServerProcess.startTogether(List.of(
                new ServerProcess.Launch("replica-a", portA, envA),
                new ServerProcess.Launch("replica-b", portB, envB),
                new ServerProcess.Launch("memory-a", memoryPortA, memoryEnv),
                new ServerProcess.Launch("memory-b", memoryPortB, memoryEnv)));
        a = replicas.get(0);
        b = replicas.get(1);
        memory = replicas.subList(2, 4);
    }

    @AfterAll
    static void stop() throws Exception {
        List<AutoCloseable> closing = new ArrayList<>(memory);
        closing.addAll(Arrays.asList(a, b, mock, memoryMock, redis));
        for (AutoCloseable each : closing) {
            if (each != null) {
                each.close();
            }
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    @Order(1)
    void withRedisALoginOnAIsAnsweredThoughTheCallbackReachesB() throws Exception {
        Answer onA = Http.login(a.baseUrl(), "test-jwt-anna");
        assertEquals(200, onA.status(), onA.body());
        assertEquals("anna", onA.json().getJsonObject("data").getString("token_nickname"));
        Answer onB = Http.login(b.baseUrl(), "test-jwt-bert");
        assertEquals(200, onB.status(), onB.body());

        // a duplicated callback is exchanged once, and a rejection crosses over too
        int exchanges = mock.requests(MockDeOAuthServer.GET_TOKEN).size();
        assertEquals(200, Http.login(a.baseUrl(), "duplicate-cleo").status());
        Thread.sleep(300);
        assertEquals(exchanges + 1, mock.requests(MockDeOAuthServer.GET_TOKEN).size());
        assertEquals(502, Http.login(a.baseUrl(), "reject-dora").status());
        assertTrue(a.log().contains("waiting logins in Redis at " + redis.uri("****@")), "A uses Redis");
    }

    @Test
    @Order(2)
    void aSessionFromAHoldsOnBWhoseRotatedKeysStillHoldTheOldOne() throws Exception {
        String fromA = sessionOf(a, "test-jwt-xena");
        for (var credentials : List.of(List.of("Authorization", "Bearer " + fromA), List.of("Cookie", "altscodex_session=" + fromA))) {
            HttpResponse<String> onB = me(b, credentials.get(0), credentials.get(1));
            assertEquals(200, onB.statusCode(), credentials.get(0) + ": " + onB.body());
            assertEquals("xena", new Answer(200, onB.body()).json().getJsonObject("data").getString("token_nickname"));
        }
        String fromB = sessionOf(b, "test-jwt-yuri");
        assertEquals(200, me(b, "Authorization", "Bearer " + fromB).statusCode());
        HttpResponse<String> onA = me(a, "Authorization", "Bearer " + fromB);
        assertEquals(401, onA.statusCode(), "B signs with the new key, which A lacks: " + onA.body());
        assertEquals("SESSION_INVALID", new Answer(401, onA.body()).json().getString("code"));
        SECRETS.addAll(List.of(fromA, fromB, fromA.substring(fromA.lastIndexOf('.') + 1), "test-jwt-xena", "test-jwt-yuri"));
    }

    @Test
    @Order(3)
    void aLinkIssuedOnAAndOpenedOnBIsAnsweredToItsPollerOnA() throws Exception {
        JsonObject link = LinkCalls.issue(a.baseUrl(), API_KEY, "{\"subject\":\"kakao:pia\",\"webhook_url\":\"http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/refuse\"}").json();
        CompletableFuture<Answer> onA = LinkCalls.pollAsync(link.getString("poll_url"), "PT30S", API_KEY);
        Answer done = LinkCalls.complete(LinkCalls.on(b.baseUrl(), link.getString("url")), "test-jwt-pia");
        assertEquals(200, done.status(), done.body());
        JsonObject outcome = onA.join().json();
        assertEquals("succeeded", outcome.getString("status"), "B's outcome reaches A's poller: " + outcome);
        assertEquals("pia", outcome.getJsonObject("slot").getString("token_nickname"));
        assertEquals(409, LinkCalls.complete(link.getString("url"), "test-jwt-pia").status(), "used, on A too");
        SECRETS.addAll(List.of(outcome.getString("session_token"), "test-jwt-pia",
                link.getString("url").substring(link.getString("url").lastIndexOf('/') + 1)));

        // the receiver refuses the webhook with 400: one WARNING naming the link, and no retry
        String id = link.getString("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> warned = List.of();
        while (warned.isEmpty() && System.nanoTime() < deadline) {
            warned = new ArrayList<>(b.logLines(id).stream().filter(line -> line.contains("webhook")).toList());
            Thread.sleep(100);
        }
        assertTrue(!warned.isEmpty() && ServerProcess.atWarningOrAbove(warned.get(0)), "on B, which settled it: " + warned);

        // a code typed on A finds a link issued on B
        JsonObject viaCode = LinkCalls.issue(b.baseUrl(), API_KEY, "{\"subject\":\"tv:quinn\"}").json();
        HttpResponse<String> found = Http.send("GET", a.baseUrl() + "/api/link?code=" + viaCode.getString("user_code"));
        assertEquals(303, found.statusCode(), "a plain form is sent on to the link: " + found.body());
        String page = found.headers().firstValue("Location").orElseThrow();
        assertTrue(page.startsWith(a.baseUrl() + "/api/link/"), page);
        HttpResponse<String> html = Http.client().send(HttpRequest.newBuilder(URI.create(page)).header("Accept", "text/html")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(html.body().contains("Log in with AltsCodex"), html.body());
    }

    @Test
    @Order(4)
    void aThousandPollsHoldNoThreadAndEndWithTheLinksExpiry() throws Exception {
        JsonObject idle = LinkCalls.issue(a.baseUrl(), API_KEY, "{\"subject\":\"bot:idle\"}").json();
        int before = threads(a.pid());
        List<CompletableFuture<Answer>> polls = new ArrayList<>();
        for (int i = 0; i < POLLERS; i++) {
            polls.add(LinkCalls.pollAsync(idle.getString("poll_url"), "PT30S", API_KEY));
        }
        Thread.sleep(2000);
        int during = threads(a.pid());
        long answeredEarly = polls.stream().filter(CompletableFuture::isDone).count();
        for (CompletableFuture<Answer> poll : polls) {
            Answer answer = poll.join();
            assertEquals(200, answer.status(), answer.body());
            assertEquals("expired", answer.json().getString("status"));
        }
        System.out.printf("%d long-polls on %s: threads %d before, %d with them waiting (%d answered early)%n",
                POLLERS, ServerProcess.kind(), before, during, answeredEarly);
        assertTrue(during - before < 50, "threads " + before + " -> " + during + " with " + POLLERS + " polls waiting");
        Answer late = LinkCalls.complete(LinkCalls.on(b.baseUrl(), idle.getString("url")), "test-jwt-quinn");
        assertEquals(410, late.status(), "an expired link is refused on any replica: " + late.body());
        assertEquals("LINK_EXPIRED", late.json().getString("code", null), late.body());
        Answer onB = LinkCalls.pollAsync(LinkCalls.on(b.baseUrl(), idle.getString("poll_url")), null, API_KEY).join();
        assertEquals("expired", onB.json().getString("status", null), onB.body());
    }

    @Test
    @Order(5)
    void aLogoutOnOneReplicaEndsTheSessionOnTheOther() throws Exception {
        String session = sessionOf(a, "test-jwt-zoe");
        // both from A: B holds A's key beside its new one, A does not hold B's
        String other = sessionOf(a, "test-jwt-zoe");
        assertEquals(200, me(b, "Authorization", "Bearer " + session).statusCode());
        HttpResponse<String> out = Http.client().send(HttpRequest.newBuilder(URI.create(a.baseUrl() + "/api/logout"))
                .header("Authorization", "Bearer " + session).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, out.statusCode(), out.body());
        for (ServerProcess replica : List.of(b, a)) {
            HttpResponse<String> after = meOnceRevoked(replica, session);
            assertEquals(401, after.statusCode(), after.body());
            assertEquals("SESSION_REVOKED", new Answer(401, after.body()).json().getString("code"));
        }
        HttpResponse<String> otherOnB = me(b, "Authorization", "Bearer " + other);
        assertEquals(200, otherOnB.statusCode(), "the user's other session holds: " + otherOnB.body());
        HttpResponse<String> everywhere = Http.client().send(HttpRequest.newBuilder(URI.create(b.baseUrl() + "/api/logout?everywhere=true"))
                .header("Authorization", "Bearer " + other).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, everywhere.statusCode(), everywhere.body());
        assertEquals(401, meOnceRevoked(a, other).statusCode(), "logged out everywhere, on A too");
        SECRETS.addAll(List.of(session, other));
    }

    @Test
    @Order(6)
    void guessesSpreadOverBothReplicasShareOneBudget() throws Exception {
        String attacker = "127.0.0.5";
        int wrong = 0;
        FromAddress.Answer answer = null;
        for (int i = 0; i < 30; i++) {
            ServerProcess replica = i % 2 == 0 ? a : b;
            answer = FromAddress.get(attacker, replica.baseUrl() + "/api/link?code=BBBB-CCCC", Map.of("Accept", "application/json"));
            if (answer.status() != 404) {
                break;
            }
            wrong++;
        }
        assertEquals(429, answer.status(), "after " + wrong + " wrong codes over both replicas: " + answer.body());
        assertTrue(wrong >= 10 && wrong <= 12, "one budget of 10 for both, not 10 each: " + wrong);
        assertEquals("RATE_LIMITED", answer.asJson().json().getString("code"));
        for (ServerProcess replica : List.of(a, b)) {
            assertEquals(429, FromAddress.get(attacker, replica.baseUrl() + "/api/link?code=BBBB-CCCC",
                    Map.of("Accept", "application/json")).status(), "refused on both");
            assertEquals(404, FromAddress.get("127.0.0.6", replica.baseUrl() + "/api/link?code=BBBB-CCCC",
                    Map.of("Accept", "application/json")).status(), "another address is not");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> audited = List.of();
        while (audited.isEmpty() && System.nanoTime() < deadline) {
            audited = new ArrayList<>(a.logLines("RATE_LIMITED address=127.0.0.5"));
            audited.addAll(b.logLines("RATE_LIMITED address=127.0.0.5"));
            Thread.sleep(100);
        }
        assertEquals(1, audited.size(), "one audit line when the budget ran out: " + audited);
    }

    @Test
    @Order(7)
    void aFailoverWithLoginsWaitingLosesNoneAndAnswersNoneTwice() throws Exception {
        int count = 200;
        mock.clearRequests();
        mock.holdCallbacks(); // the users approve only once the failover is over
        List<CompletableFuture<Answer>> logins = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            logins.add(Http.postAsync(a.baseUrl() + "/api/login", "application/json", "{\"jwt\":\"test-jwt-failover-" + i + "\"}"));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (mock.requests(MockDeOAuthServer.AUTHORIZE).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, mock.requests(MockDeOAuthServer.AUTHORIZE).size(), "every login is waiting");
        redis.awaitReplicated();

        redis.killPrimary();
        assertTrue(readinessBecomes(a, 503, Duration.ofSeconds(10)), "A is not ready while no primary is reachable");
        redis.awaitPromotion(Duration.ofSeconds(20));
        assertTrue(readinessBecomes(a, 200, Duration.ofSeconds(20)), "A is ready again on the new primary");
        assertTrue(readinessBecomes(b, 200, Duration.ofSeconds(20)), "B is ready again on the new primary");

        assertEquals(count, mock.releaseCallbacks());
        for (CompletableFuture<Answer> login : logins) {
            Answer answer = login.get(30, TimeUnit.SECONDS);
            assertEquals(200, answer.status(), "a callback after the promotion succeeds: " + answer.body());
        }
        assertEquals(count, mock.requests(MockDeOAuthServer.GET_TOKEN).size(), "each code exchanged once");
        for (RecordedRequest authorize : mock.requests(MockDeOAuthServer.AUTHORIZE)) {
            String outcome = "login " + authorize.query().get("state").substring(0, 8) + " ";
            assertEquals(1, a.logLines(outcome).size(), "one outcome line on A: " + outcome);
        }
    }

    /** Polls {@code /health/ready} until it answers {@code status}. */
    private static boolean readinessBecomes(ServerProcess replica, int status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (Http.get(replica.healthUrl() + "/ready").status() == status) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    @Order(8)
    void noLogOfEitherReplicaHoldsAKeyATokenOrAJwt() throws Exception {
        a.stop();
        b.stop();
        for (ServerProcess replica : List.of(a, b)) {
            String log = replica.log();
            assertTrue(log.contains("sessions on ("), "the start-up line says sessions are on: " + replica.logFile());
            assertEquals(List.of(), replica.logLines("may not run"), "the ACL user's grant is enough");
            for (String secret : SECRETS) {
                assertFalse(log.contains(secret), replica.logFile() + " holds a secret");
            }
        }
    }

    @Test
    void inMemoryTheSameSetupTimesOut() throws Exception {
        try (ServerProcess memoryA = memory.get(0); ServerProcess memoryB = memory.get(1)) {
            Answer onA = Http.login(memoryA.baseUrl(), "test-jwt-anna");
            assertEquals(408, onA.status(), "B drops the callback of A's login: " + onA.body());
            assertEquals(200, Http.login(memoryB.baseUrl(), "test-jwt-bert").status(), "B's own logins work");
            memoryA.stop();
            memoryB.stop();
        }
    }

    private static String sessionOf(ServerProcess replica, String jwt) throws Exception {
        Answer login = Http.login(replica.baseUrl(), jwt);
        assertEquals(200, login.status(), login.body());
        return login.json().getString("session_token");
    }

    private static HttpResponse<String> me(ServerProcess replica, String header, String value) throws Exception {
        return Http.client().send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/api/me")).header(header, value)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The other replica hears of a logout through Redis's pub/sub: a moment, not a round trip per request. */
    private static HttpResponse<String> meOnceRevoked(ServerProcess replica, String session) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        HttpResponse<String> answer = me(replica, "Authorization", "Bearer " + session);
        while (answer.statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            answer = me(replica, "Authorization", "Bearer " + session);
        }
        return answer;
    }

    private static int threads(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring("Threads:".length()).trim());
            }
        }
        throw new IllegalStateException("no thread count for " + pid);
    }
}
