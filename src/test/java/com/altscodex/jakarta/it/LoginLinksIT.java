package com.altscodex.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.it.Http.Answer;
import com.altscodex.jakarta.links.WebhookSignature;
import com.altscodex.jakarta.testkit.MockDeOAuthExtension;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Login links as a chatbot's server uses them, on the built WAR configured by ALTSCODEX_* variables:
 * issuing with the API key, completing as a native app would, polling, and the signed webhook with
 * its retries. The browser's side is in BrowserLoginIT.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginLinksIT {
    private static final String BASE = ItEnvironment.BASE;
    private static HttpServer receiver;
    /** Per webhook path: the statuses to answer, in order (then 200), and what arrived. */
    private static final Map<String, Queue<Integer>> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<String, Queue<String[]>> DELIVERED = new ConcurrentHashMap<>();

    @RegisterExtension
    static final MockDeOAuthExtension DEOAUTH = ItEnvironment.deoauth();

    @Deployment(testable = false)
    static WebArchive war() {
        return ItEnvironment.builtWar();
    }

    @BeforeAll
    static void startReceiver() throws Exception {
        // the port the server under test allows webhooks to over plain http (altscodex.links.webhook-allowed-hosts)
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.getInteger("it.webhook.port")), 16);
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            DELIVERED.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).add(new String[] {
                    exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
            Integer status = ANSWERS.getOrDefault(path, new ConcurrentLinkedQueue<>()).poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    private static String hook(String name, Integer... statuses) {
        ANSWERS.put("/" + name, new ConcurrentLinkedQueue<>(List.of(statuses)));
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/" + name;
    }

    private static List<String[]> delivered(String name, int atLeast, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (DELIVERED.getOrDefault("/" + name, new ConcurrentLinkedQueue<>()).size() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return List.copyOf(DELIVERED.getOrDefault("/" + name, new ConcurrentLinkedQueue<>()));
    }

    @Test
    void issuingWithoutOrWithAWrongApiKeyIs401() throws Exception {
        for (String key : new String[] {null, "wrong-key-000000000000", LinkCalls.API_KEY + "x"}) {
            Answer refused = LinkCalls.issue(BASE, key, "{\"subject\":\"kakao:user-1\"}");
            assertEquals(401, refused.status(), key + ": " + refused.body());
            assertEquals("API_KEY_INVALID", refused.json().getString("code"));
        }
        Answer issued = LinkCalls.issue(BASE, "kakao:user-1");
        Answer poll = LinkCalls.pollAsync(issued.json().getString("poll_url"), null, "wrong-key-000000000000").join();
        assertEquals(401, poll.status(), "polling takes the key too: " + poll.body());
    }

    @Test
    void aLinkIsIssuedWithItsUrlCodeExpiryAndPollUrl() throws Exception {
        Answer issued = LinkCalls.issue(BASE, "kakao:user-123");
        assertEquals(201, issued.status(), issued.body());
        JsonObject link = issued.json();
        assertTrue(link.getString("id").matches("[0-9a-f]{32}"), link.toString());
        assertTrue(link.getString("url").startsWith(BASE + "/api/link/"), link.toString());
        assertTrue(link.getString("user_code").matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}"), link.toString());
        Instant expires = Instant.parse(link.getString("expires_at"));
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofMinutes(9))) && expires.isBefore(Instant.now().plus(Duration.ofMinutes(11))));
        assertEquals(BASE + "/api/login-links/" + link.getString("id"), link.getString("poll_url"));
        JsonObject pending = LinkCalls.poll(link.getString("poll_url"), null).json();
        assertEquals("pending", pending.getString("status"));
        assertEquals("kakao:user-123", pending.getString("subject"));
        for (String bad : List.of("{}", "{\"subject\":\"\"}", "{\"subject\":\"x\",\"webhook_url\":\"javascript:alert(1)\"}", "not json")) {
            Answer refused = LinkCalls.issue(BASE, LinkCalls.API_KEY, bad);
            assertEquals(400, refused.status(), bad + ": " + refused.body());
        }
    }

    @Test
    void aNativeAppCompletesTheLinkOnceAndThePollerGetsTheSlotAndASession() throws Exception {
        JsonObject link = LinkCalls.issue(BASE, "console:42").json();
        var poll = LinkCalls.pollAsync(link.getString("poll_url"), "PT30S", LinkCalls.API_KEY);
        Thread.sleep(200);
        assertFalse(poll.isDone(), "the poll waits for the user");

        Answer done = LinkCalls.complete(link.getString("url"), "test-jwt-hana");
        assertEquals(200, done.status(), done.body());
        assertTrue(done.json().getString("message").contains("logged in"), done.body());
        assertEquals("hana", done.json().getJsonObject("data").getString("token_nickname"));

        JsonObject outcome = poll.join().json();
        assertEquals("succeeded", outcome.getString("status"));
        assertEquals("console:42", outcome.getString("subject"));
        assertEquals("hana", outcome.getJsonObject("slot").getString("token_nickname"));
        assertFalse(outcome.toString().contains("mock-access-"), "never the DeOAuth access token: " + outcome);
        String session = outcome.getString("session_token");
        HttpResponse<String> me = Http.client().send(HttpRequest.newBuilder(URI.create(BASE + "/api/me"))
                .header("Authorization", "Bearer " + session).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, me.statusCode(), "the caller acts as that user: " + me.body());

        Answer again = LinkCalls.complete(link.getString("url"), "test-jwt-hana");
        assertEquals(409, again.status(), again.body());
        assertEquals("LINK_USED", again.json().getString("code"));
        assertTrue(again.json().getString("error").contains("used already"), again.body());
        HttpResponse<String> page = Http.client().send(HttpRequest.newBuilder(URI.create(link.getString("url")))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(page.body().contains("<html"), "a browser gets the page: " + page.body());
        HttpResponse<String> json = Http.client().send(HttpRequest.newBuilder(URI.create(link.getString("url")))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("{\"status\":\"used\"}", json.body());
    }

    @Test
    void aForgedLinkOrCodeIsNoLink() throws Exception {
        Answer forged = LinkCalls.complete(BASE + "/api/link/eyJhbGciOiJIUzI1NiJ9.e30.AAAA", "test-jwt-ivan");
        assertEquals(404, forged.status(), forged.body());
        assertEquals("LINK_NOT_FOUND", forged.json().getString("code"));
        HttpResponse<String> code = Http.client().send(HttpRequest.newBuilder(URI.create(BASE + "/api/link?code=BBBB-CCCC"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, code.statusCode(), code.body());
        assertTrue(DEOAUTH.server().requests().isEmpty(), "nothing reached the DeOAuth server");
    }

    @Test
    void aTypedCodeLeadsToItsLink() throws Exception {
        JsonObject link = LinkCalls.issue(BASE, "tv:5").json();
        HttpResponse<String> found = Http.client().send(HttpRequest.newBuilder(URI.create(BASE + "/api/link?code="
                + link.getString("user_code").toLowerCase())).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, found.statusCode(), found.body());
        String url = new Answer(200, found.body()).json().getString("url");
        assertEquals(200, LinkCalls.complete(url, "test-jwt-jade").status());
        assertEquals("succeeded", LinkCalls.poll(link.getString("poll_url"), "PT5S").json().getString("status"));
    }

    @Test
    void theWebhookArrivesOnceSignedAndA500IsRetriedWhileA400IsNot() throws Exception {
        String once = hook("once");
        String flaky = hook("flaky", 500, 500);
        String refusing = hook("refusing", 400);
        for (String[] pair : List.of(new String[] {once, "test-jwt-kim"}, new String[] {flaky, "test-jwt-lou"},
                new String[] {refusing, "test-jwt-max"})) {
            JsonObject link = LinkCalls.issue(BASE, LinkCalls.API_KEY,
                    "{\"subject\":\"bot:" + pair[1] + "\",\"webhook_url\":\"" + pair[0] + "\"}").json();
            assertEquals(200, LinkCalls.complete(link.getString("url"), pair[1]).status());
        }
        List<String[]> first = delivered("once", 1, Duration.ofSeconds(10));
        List<String[]> retried = delivered("flaky", 3, Duration.ofSeconds(15));
        List<String[]> refused = delivered("refusing", 1, Duration.ofSeconds(10));
        Thread.sleep(3500); // longer than the first two backoffs: a retry would have come by now
        assertEquals(1, delivered("once", 1, Duration.ZERO).size(), "a 200 ends it");
        assertEquals(3, delivered("flaky", 3, Duration.ZERO).size(), "500, 500, then 200");
        assertEquals(1, delivered("refusing", 1, Duration.ZERO).size(), "a 400 is not retried");

        byte[] secret = LinkCalls.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8);
        String[] delivery = first.get(0);
        assertTrue(WebhookSignature.verifies(secret, delivery[0], delivery[1]), delivery[0]);
        JsonObject body = new Answer(200, delivery[1]).json();
        assertEquals("succeeded", body.getString("status"));
        assertEquals("bot:test-jwt-kim", body.getString("subject"));
        assertEquals("kim", body.getJsonObject("slot").getString("token_nickname"));
        assertTrue(body.getString("nonce").matches("[0-9a-f]{32}"));
        assertFalse(delivery[1].contains("mock-access-"));
        assertEquals(1, retried.stream().map(d -> new Answer(200, d[1]).json().getString("nonce")).distinct().count(),
                "the retries are one event");
        assertTrue(WebhookSignature.verifies(secret, refused.get(0)[0], refused.get(0)[1]));
    }
}
