package com.altscodex.jakarta.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook delivery against a real receiver on 127.0.0.1 (allow-listed, as an in-house receiver):
 * signed, retried on 5xx and silence, never on 4xx nor a redirect; connected to the address the check
 * accepted, checked again at each delivery; over https verified against the host's name.
 */
class WebhooksTest {
    private static final byte[] SECRET = "unit-webhook-secret-4411".getBytes(StandardCharsets.UTF_8);
    private static final JsonObject OUTCOME = JsonProvider.provider().createObjectBuilder()
            .add("id", "abc").add("subject", "bot:1").add("status", "succeeded").build();

    private HttpServer receiver;
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final Queue<String[]> received = new ConcurrentLinkedQueue<>();
    private final Queue<String> refusedAtDelivery = new ConcurrentLinkedQueue<>();
    private final Map<String, InetAddress[]> dns = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor work = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>());
    /** The back-off's delays, as asked for; each retry then runs at once, so no test waits for one. */
    private final List<Long> delays = new CopyOnWriteArrayList<>();
    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1) {
        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delays.add(unit.toMillis(delay));
            return super.schedule(command, 0, unit);
        }
    };
    private Webhooks webhooks;
    private String url;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body,
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Host")});
            Integer status = answers.poll();
            if (status != null && status == 302) {
                exchange.getResponseHeaders().set("Location", url);
            }
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        receiver.start();
        int port = receiver.getAddress().getPort();
        url = "http://127.0.0.1:" + port + "/hook";
        dns.put("hook.test", new InetAddress[] {InetAddress.getByName("127.0.0.1")});
        webhooks = webhooks(Set.of("127.0.0.1:" + port, "hook.test"), SSLContext.getDefault(), Duration.ofSeconds(10));
    }

    /** Host names resolve through {@link #dns} only: no real lookup in a test. */
    private Webhooks webhooks(Set<String> allowed, SSLContext tls, Duration readTimeout) {
        WebhookUrls urls = new WebhookUrls(allowed, host -> {
            InetAddress[] found = dns.get(host);
            if (found != null) {
                return found;
            }
            if (host.matches("[0-9.]+|.*:.*")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        });
        return new Webhooks(SECRET, work, timers, Clock.systemUTC(), urls, (link, why) -> refusedAtDelivery.add(why),
                tls.getSocketFactory(), Duration.ofSeconds(2), readTimeout);
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

    /**
     * Waits until nothing is left to do: no send running or queued, no retry scheduled. A retry is
     * scheduled before its send's task ends, so once the work pool has run nothing between two looks
     * and the timer was idle in between, no delivery can follow.
     */
    private void awaitSettled() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            long done = work.getCompletedTaskCount();
            boolean idle = work.getTaskCount() == done && work.getActiveCount() == 0;
            boolean timerIdle = timers.getTaskCount() == timers.getCompletedTaskCount();
            if (idle && timerIdle && work.getCompletedTaskCount() == done && work.getTaskCount() == done) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the webhooks never settled");
    }

    @Test
    void aDeliveryIsSignedOverTimeAndBodyAndCarriesANonce() throws Exception {
        webhooks.deliver("abc", url, OUTCOME);
        awaitDeliveries(1, 5000);
        awaitSettled();
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
        awaitSettled();
        assertEquals(3, received.size());
        assertEquals(List.of(0L, 1000L, 2000L), delays, "the back-off between tries");
        List<String> nonces = received.stream().map(d -> JsonProvider.provider()
                .createReader(new StringReader(d[1])).readObject().getString("nonce")).distinct().toList();
        assertEquals(1, nonces.size(), "a retry is the same event");
    }

    @Test
    void a4xxIsTheReceiversWordAndIsNotRetried() throws Exception {
        answers.add(400);
        webhooks.deliver("abc", url, OUTCOME);
        awaitDeliveries(1, 5000);
        awaitSettled();
        assertEquals(1, received.size());
    }

    @Test
    void aRedirectIsNeitherFollowedNorRetried() throws Exception {
        answers.add(302);
        webhooks.deliver("abc", url, OUTCOME);
        awaitDeliveries(1, 5000);
        awaitSettled();
        assertEquals(1, received.size(), "the 302 pointed back here: following it would deliver twice");
    }

    @Test
    void theConnectionGoesToTheAddressTheCheckAcceptedWithTheNameInHost() throws Exception {
        int port = receiver.getAddress().getPort();
        webhooks.deliver("abc", "http://hook.test:" + port + "/hook?from=test", OUTCOME);
        awaitDeliveries(1, 5000);
        assertEquals(1, received.size(), "hook.test is no real name: only the checked address could be reached");
        assertEquals("hook.test:" + port, received.peek()[3]);
    }

    @Test
    void aHostThatNowResolvesInsideTheNetworkIsNotDeliveredTo() throws Exception {
        webhooks.close();
        webhooks = webhooks(Set.of(), SSLContext.getDefault(), Duration.ofSeconds(10));
        dns.put("rebinding.test", new InetAddress[] {InetAddress.getByName("93.184.216.34")});
        WebhookUrls.Target atIssue = webhooks.urls().check("https://rebinding.test/hook");
        assertEquals("93.184.216.34", atIssue.address().getHostAddress(), "public when the link was issued");
        dns.put("rebinding.test", new InetAddress[] {InetAddress.getByName("127.0.0.1")});
        webhooks.deliver("abc", "https://rebinding.test:" + receiver.getAddress().getPort() + "/hook", OUTCOME);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (refusedAtDelivery.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(refusedAtDelivery.peek() != null && refusedAtDelivery.peek().contains("loopback"), refusedAtDelivery.toString());
        awaitSettled();
        assertTrue(received.isEmpty(), "nothing reached the inside address, and no retry tried again");
    }

    @Test
    void aReceiverThatNeverAnswersIsGivenUpAfterTheReadDeadline() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"))) {
            webhooks.close();
            webhooks = webhooks(Set.of("127.0.0.1:" + silent.getLocalPort()), SSLContext.getDefault(), Duration.ofMillis(300));
            List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.start();
            long started = System.nanoTime();
            WebhookUrls.Target target = webhooks.urls().check("http://127.0.0.1:" + silent.getLocalPort() + "/");
            assertThrows(IOException.class, () -> webhooks.post(target, "{}", "t=1,v1=00"));
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(took >= 250 && took < 3_000, "gave up after " + took + " ms");
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void overHttpsTheCertificateMustNameTheHost() throws Exception {
        Path dir = Files.createTempDirectory("webhook-tls");
        HttpsServer right = https(dir, "hook.test");
        HttpsServer wrong = https(dir, "other.test");
        Webhooks toWrong = webhooks(Set.of("hook.test"), trusting(dir, "other.test"), Duration.ofSeconds(10));
        try {
            webhooks.close();
            webhooks = webhooks(Set.of("hook.test"), trusting(dir, "hook.test"), Duration.ofSeconds(10));
            webhooks.deliver("abc", "https://hook.test:" + right.getAddress().getPort() + "/hook", OUTCOME);
            toWrong.deliver("abd", "https://hook.test:" + wrong.getAddress().getPort() + "/hook", OUTCOME);
            awaitDeliveries(1, 5000);
            awaitSettled();
            assertEquals(1, received.size(), "delivered to the certificate for hook.test, not to the one for other.test");
        } finally {
            toWrong.close();
            right.stop(0);
            wrong.stop(0);
        }
    }

    /** An HTTPS receiver with a self-signed certificate for {@code name}, made with keytool. */
    private HttpsServer https(Path dir, String name) throws Exception {
        Path store = dir.resolve(name + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "san=dns:" + name, "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body,
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Host")});
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** A client context that trusts the certificate made for {@code name}, and nothing else. */
    private static SSLContext trusting(Path dir, String name) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(dir.resolve(name + ".p12"))) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry(name, keys.getCertificate(name));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
