package com.altscodex.jakarta.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook delivery against a real receiver on 127.0.0.1: signed, retried on 5xx and silence, never on 4xx. */
class WebhooksTest {
    private static final byte[] SECRET = "unit-webhook-secret-4411".getBytes(StandardCharsets.UTF_8);
    private static final JsonObject OUTCOME = JsonProvider.provider().createObjectBuilder()
            .add("id", "abc").add("subject", "bot:1").add("status", "succeeded").build();

    private HttpServer receiver;
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final Queue<String[]> received = new ConcurrentLinkedQueue<>();
    private final ExecutorService work = Executors.newCachedThreadPool();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private Webhooks webhooks;
    private String url;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body,
                    exchange.getRequestHeaders().getFirst("Content-Type")});
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        receiver.start();
        url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        webhooks = new Webhooks(SECRET, work, timers, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        webhooks.close();
        receiver.stop(0);
        work.shutdownNow();
        timers.shutdownNow();
    }

    private void awaitDeliveries(int count, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void aDeliveryIsSignedOverTimeAndBodyAndCarriesANonce() throws Exception {
        webhooks.deliver("abc", url, OUTCOME);
        awaitDeliveries(1, 5000);
        Thread.sleep(300);
        assertEquals(1, received.size(), "once");
        String[] delivery = received.peek();
        assertTrue(delivery[0].matches("t=\\d{10},v1=[0-9a-f]{64}"), delivery[0]);
        assertTrue(WebhookSignature.verifies(SECRET, delivery[0], delivery[1]));
        assertFalse(WebhookSignature.verifies("another-secret-xxxxxxxx".getBytes(StandardCharsets.UTF_8), delivery[0], delivery[1]));
        assertFalse(WebhookSignature.verifies(SECRET, delivery[0], delivery[1].replace("bot:1", "bot:2")));
        JsonObject body = JsonProvider.provider().createReader(new StringReader(delivery[1])).readObject();
        assertEquals("succeeded", body.getString("status"));
        assertTrue(body.getString("nonce").matches("[0-9a-f]{32}"));
        assertTrue(delivery[2].startsWith("application/json"), delivery[2]);
    }

    @Test
    void a5xxIsRetriedWithTheSameNonceUntilItGetsThrough() throws Exception {
        answers.addAll(List.of(500, 503));
        webhooks.deliver("abc", url, OUTCOME);
        awaitDeliveries(3, 8000);
        Thread.sleep(300);
        assertEquals(3, received.size());
        List<String> nonces = received.stream().map(d -> JsonProvider.provider()
                .createReader(new StringReader(d[1])).readObject().getString("nonce")).distinct().toList();
        assertEquals(1, nonces.size(), "a retry is the same event");
    }

    @Test
    void a4xxIsTheReceiversWordAndIsNotRetried() throws Exception {
        answers.add(400);
        webhooks.deliver("abc", url, OUTCOME);
        awaitDeliveries(1, 5000);
        Thread.sleep(1500);
        assertEquals(1, received.size());
    }
}
