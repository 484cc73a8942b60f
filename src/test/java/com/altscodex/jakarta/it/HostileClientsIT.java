package com.altscodex.jakarta.it;

import static com.altscodex.jakarta.dev.MockDeOAuthServer.AUTHORIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.dev.MockDeOAuthServer;
import com.altscodex.jakarta.it.Http.Answer;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What a hostile client can send to the public login: malformed and oversized bodies, slow
 * bodies, other methods, JWTs in query strings, fuzzed callbacks. Every one is answered 4xx in
 * the module's JSON, nothing reaches the DeOAuth server, no thread is held by a slow client, and
 * nothing secret reaches the log. One server, steps in order; the last reads its log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileClientsIT {
    private static final String CLIENT = "hostile-client";
    private static final String SECRET = "hostile-secret-8d1e";
    private static final String QUERY_JWT = "eyJquery.jwt-4f0c9b2e77.sig";
    private static final int BIG = 10_000_000;
    private static final int SLOW_CLIENTS = 500;

    private static MockDeOAuthServer mock;
    private static ServerProcess server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        mock = MockDeOAuthServer.start(ServerProcess.freePort(), CLIENT, SECRET);
        int port = ServerProcess.freePort();
        server = ServerProcess.start("hostile", port, Map.of(
                "ALTSCODEX_CLIENT_ID", CLIENT,
                "ALTSCODEX_CLIENT_SECRET", SECRET,
                "ALTSCODEX_REDIRECT_URI", "http://127.0.0.1:" + port + "/api/getinfo",
                "ALTSCODEX_AUTH_SERVER_URL", mock.baseUri().toString(),
                "ALTSCODEX_BODY_TIMEOUT", "2s",
                "ALTSCODEX_SESSION_SIGNING_KEYS", ItEnvironment.SESSION_KEY));
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

    private static Answer post(String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = Http.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static void assertRefused(Answer answer, int status, String code, String what) {
        assertEquals(status, answer.status(), what + ": " + answer);
        JsonObject json = answer.json();
        assertFalse(json.getBoolean("success"), what);
        assertEquals(code, json.getString("code"), what + ": " + answer);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] jsonWithRawBytes(byte... inside) {
        byte[] head = utf8("{\"jwt\":\"ok-");
        byte[] body = Arrays.copyOf(head, head.length + inside.length + 2);
        System.arraycopy(inside, 0, body, head.length, inside.length);
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        return body;
    }

    @Test
    @Order(1)
    void malformedBodiesAreRefusedBeforeTheDeOAuthServerIsAsked() throws Exception {
        String json = "application/json";
        String form = "application/x-www-form-urlencoded";
        record Case(String what, String type, byte[] body, int status, String code) {
        }
        List<Case> cases = List.of(
                new Case("trailing garbage", json, utf8("{\"jwt\":\"ok-x\"} trailing garbage"), 400, "BAD_REQUEST"),
                new Case("two objects", json, utf8("{\"jwt\":\"ok-x\"}{\"jwt\":\"ok-y\"}"), 400, "BAD_REQUEST"),
                new Case("jwt twice", json, utf8("{\"jwt\":\"ok-x\",\"jwt\":\"ok-y\"}"), 400, "BAD_REQUEST"),
                new Case("invalid UTF-8", json, jsonWithRawBytes((byte) 0xC3, (byte) 0x28), 400, "BAD_REQUEST"),
                new Case("encoded surrogate", json, jsonWithRawBytes((byte) 0xED, (byte) 0xA0, (byte) 0x80), 400,
                        "BAD_REQUEST"),
                new Case("lone surrogate escape", json, utf8("{\"jwt\":\"ok-\\ud800\"}"), 400, "BAD_REQUEST"),
                new Case("NUL in the JWT", json, utf8("{\"jwt\":\"ok-\\u0000x\"}"), 400, "BAD_REQUEST"),
                new Case("space in the JWT", json, utf8("{\"jwt\":\"ok- x\"}"), 400, "BAD_REQUEST"),
                new Case("JWT of 8 KiB + 1", json, utf8("{\"jwt\":\"ok-" + "a".repeat(8190) + "\"}"), 400,
                        "BAD_REQUEST"),
                new Case("no JWT", json, utf8("{\"token\":\"ok-x\"}"), 400, "BAD_REQUEST"),
                new Case("a number", json, utf8("{\"jwt\":42}"), 400, "BAD_REQUEST"),
                new Case("an array", json, utf8("[\"ok-x\"]"), 400, "BAD_REQUEST"),
                new Case("deeply nested", json, utf8("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"), 400,
                        "BAD_REQUEST"),
                new Case("empty", json, new byte[0], 400, "BAD_REQUEST"),
                new Case("bogus charset", json + "; charset=bogus", utf8("{\"jwt\":\"ok-x\"}"), 415,
                        "UNSUPPORTED_MEDIA_TYPE"),
                new Case("UTF-16", json + "; charset=UTF-16", "{\"jwt\":\"ok-x\"}".getBytes(StandardCharsets.UTF_16),
                        415, "UNSUPPORTED_MEDIA_TYPE"),
                new Case("XML", "application/xml", utf8("<jwt>ok-x</jwt>"), 415, "UNSUPPORTED_MEDIA_TYPE"),
                new Case("form, jwt twice", form, utf8("jwt=ok-x&jwt=ok-y"), 400, "BAD_REQUEST"),
                new Case("form, bad escape", form, utf8("jwt=ok-%zz"), 400, "BAD_REQUEST"),
                new Case("form, bad UTF-8", form, utf8("jwt=ok-%C3%28"), 400, "BAD_REQUEST"),
                new Case("16 KiB + 1", json, new byte[16 * 1024 + 1], 413, "PAYLOAD_TOO_LARGE"));
        int asked = mock.requests(AUTHORIZE).size();
        for (Case c : cases) {
            assertRefused(post("/api/login", c.type(), c.body()), c.status(), c.code(), c.what());
        }
        assertEquals(asked, mock.requests(AUTHORIZE).size(), "no refused body reached the DeOAuth server");
        assertEquals(200, Http.login(base, "ok-after-malformed").status(), "a good login still works");
    }

    @Test
    @Order(2)
    void otherMethodsAre405WithAllow() throws Exception {
        for (String method : List.of("GET", "PUT", "PATCH", "DELETE")) {
            for (boolean withBody : List.of(false, true)) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/login"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .method(method, withBody ? HttpRequest.BodyPublishers.ofString("{\"jwt\":\"ok-x\"}")
                                : HttpRequest.BodyPublishers.noBody()).build();
                HttpResponse<String> response = Http.client().send(request, HttpResponse.BodyHandlers.ofString());
                String what = method + (withBody ? " with a body" : "");
                assertRefused(new Answer(response.statusCode(), response.body()), 405, "METHOD_NOT_ALLOWED", what);
                assertTrue(response.headers().firstValue("Allow").orElse("").contains("POST"), what);
            }
        }
        HttpResponse<String> get = Http.send("GET", base + "/api/getinfo");
        assertEquals(405, get.statusCode());
        assertTrue(get.headers().firstValue("Allow").orElse("").contains("POST"));
        HttpResponse<String> postUrl = Http.send("POST", base + "/api/login-url");
        assertEquals(405, postUrl.statusCode());
        assertTrue(postUrl.headers().firstValue("Allow").orElse("").contains("GET"));
    }

    @Test
    @Order(3)
    void noGeneratedDescriptionButOpenApi() throws Exception {
        assertRefused(Http.get(base + "/api/application.wadl"), 404, "NOT_FOUND", "WADL");
        assertRefused(Http.get(base + "/api/application.wadl?detail=true"), 404, "NOT_FOUND", "WADL");
        HttpResponse<String> options = Http.send("OPTIONS", base + "/api/login");
        assertFalse(options.body().contains("<application"), "OPTIONS answers no WADL: " + options.body());
    }

    @Test
    @Order(4)
    void aJwtInTheQueryStringIsRefusedAndNeverLogged() throws Exception {
        assertRefused(post("/api/login?jwt=" + QUERY_JWT, "application/x-www-form-urlencoded", new byte[0]),
                400, "BAD_REQUEST", "form with the JWT in the query");
        assertRefused(post("/api/login?jwt=" + QUERY_JWT, "application/json", new byte[0]),
                400, "BAD_REQUEST", "JSON with the JWT in the query");
        assertEquals(404, Http.get(base + "/api/nothing?jwt=" + QUERY_JWT).status());
        assertEquals(405, Http.send("DELETE", base + "/api/login?jwt=" + QUERY_JWT).statusCode());
        assertEquals(400, post("/api/login?jwt=" + QUERY_JWT, "text/plain", utf8("{bad")).status());
    }

    /** Sends a 10 MB body and reads the answer, which may come before the body is all sent. */
    private static CompletableFuture<Answer> bigBody(byte[] body, boolean chunked) {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json").POST(publisher).build();
        return Http.client().sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Answer(response.statusCode(), response.body()));
    }

    @Test
    @Order(5)
    void twelveConcurrentTenMegabyteBodiesAre413() throws Exception {
        byte[] body = new byte[BIG];
        Arrays.fill(body, (byte) 'a');
        byte[] head = utf8("{\"jwt\":\"");
        System.arraycopy(head, 0, body, 0, head.length);
        body[BIG - 2] = '"';
        body[BIG - 1] = '}';
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(bigBody(body, i % 2 == 1));
        }
        for (CompletableFuture<Answer> answer : answers) {
            assertRefused(answer.get(90, TimeUnit.SECONDS), 413, "PAYLOAD_TOO_LARGE", "10 MB body");
        }
        assertEquals(200, Http.login(base, "ok-after-big").status());
    }

    /** Keeps {@code count} connections sending a chunked login body a byte at a time, on one thread. */
    private static final class SlowClients implements AutoCloseable {
        private final List<SocketChannel> channels = new ArrayList<>();
        private final List<StringBuffer> answers = new ArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        SlowClients(int port, int count) throws IOException {
            byte[] head = utf8("POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < count; i++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                channel.write(ByteBuffer.wrap(head));
                channel.configureBlocking(false);
                channels.add(channel);
                answers.add(new StringBuffer());
            }
            thread = new Thread(this::trickle, "slow-clients");
            thread.start();
        }

        private void trickle() {
            ByteBuffer in = ByteBuffer.allocate(4096);
            byte[] oneByte = utf8("1\r\n \r\n");
            for (int round = 0; running && round < 600; round++) {
                for (int i = 0; i < channels.size(); i++) {
                    SocketChannel channel = channels.get(i);
                    if (!channel.isOpen()) {
                        continue;
                    }
                    try {
                        // read first: once the server has answered and closed, a write fails
                        in.clear();
                        int read = channel.read(in);
                        if (read > 0) {
                            answers.get(i).append(new String(in.array(), 0, in.position(), StandardCharsets.UTF_8));
                        } else if (read < 0) {
                            channel.close();
                            continue;
                        }
                        channel.write(ByteBuffer.wrap(oneByte));
                    } catch (IOException closedByTheServer) {
                        try {
                            channel.close();
                        } catch (IOException ignored) {
                            // closed already
                        }
                    }
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Connections the server answered or closed: none is left waiting. */
        long ended() {
            int ended = 0;
            for (int i = 0; i < channels.size(); i++) {
                if (!channels.get(i).isOpen() || answers.get(i).length() > 0) {
                    ended++;
                }
            }
            return ended;
        }

        long answered(String text) {
            return answers.stream().filter(answer -> answer.toString().contains(text)).count();
        }

        @Override
        public void close() throws Exception {
            running = false;
            thread.join(10_000);
            for (SocketChannel channel : channels) {
                channel.close();
            }
        }
    }

    @Test
    @Order(6)
    void slowClientsHoldNoThreadAndAreAnswered408() throws Exception {
        int port = URI.create(base).getPort();
        try (SlowClients slow = new SlowClients(port, SLOW_CLIENTS)) {
            // every slow client is sending; each real login needs a request thread of the server
            for (int i = 0; i < 5; i++) {
                Answer login = Http.postAsync(base + "/api/login", "application/json", "{\"jwt\":\"ok-beside-" + i + "\"}")
                        .get(10, TimeUnit.SECONDS);
                assertEquals(200, login.status(), login.toString());
                assertEquals(200, Http.get(base + "/api/login-url").status());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (slow.ended() < SLOW_CLIENTS && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            // a client still sending when the server closes may lose the answer to a reset
            assertEquals(SLOW_CLIENTS, slow.ended(), "every slow client is answered or cut off");
            assertTrue(slow.answered("\"code\":\"BODY_TIMEOUT\"") > SLOW_CLIENTS / 2,
                    "the slow clients read 408 BODY_TIMEOUT: " + slow.answered("BODY_TIMEOUT"));
        }
    }

    @Test
    @Order(7)
    void fuzzedCallbacksNeverAnswer5xxAndLoginsGoOn() throws Exception {
        Random random = new Random(12);
        String[] names = {"state", "success", "code", "jwt", "", "state[]", "%00", "a"};
        String[] values = {"", "1", "0", "%zz", "%00", "%C3%28", "x".repeat(3000), "%E2%82%AC", "%27%22%3C%3E", "1&1"};
        String[] types = {null, "application/json", "text/plain", "application/x-www-form-urlencoded",
                "application/json; charset=bogus", "multipart/form-data; boundary=x", "*/*"};
        List<CompletableFuture<Answer>> logins = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            logins.add(Http.postAsync(base + "/api/login", "application/json", "{\"jwt\":\"ok-fuzz-" + i + "\"}"));
        }
        int port = URI.create(base).getPort();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        List<Future<Integer>> callbacks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            StringBuilder query = new StringBuilder();
            for (int p = random.nextInt(5); p > 0; p--) {
                query.append(query.length() == 0 ? "?" : "&").append(names[random.nextInt(names.length)])
                        .append('=').append(values[random.nextInt(values.length)]);
            }
            byte[] body = new byte[random.nextInt(4) == 0 ? random.nextInt(16_000) : random.nextInt(64)];
            random.nextBytes(body);
            String type = types[random.nextInt(types.length)];
            String target = "/api/getinfo" + query;
            callbacks.add(senders.submit(() -> rawPost(port, target, type, body)));
        }
        try {
            for (Future<Integer> callback : callbacks) {
                int status = callback.get(60, TimeUnit.SECONDS);
                assertTrue(status < 500, "a fuzzed callback answered " + status);
            }
        } finally {
            senders.shutdownNow();
        }
        for (CompletableFuture<Answer> login : logins) {
            assertEquals(200, login.get(60, TimeUnit.SECONDS).status());
        }
    }

    /** A request as a hostile client writes it: the target is sent as it is, escapes or not. */
    private static int rawPost(int port, String target, String type, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            String head = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (type == null ? "" : "Content-Type: " + type + "\r\n")
                    + "Content-Length: " + body.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
            if (status == null || !status.startsWith("HTTP/1.1 ")) {
                throw new IOException("no answer to POST " + target + ": " + status);
            }
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    @Order(8)
    void theLogHoldsNoSecretNoJwtAndNoError() throws Exception {
        String log = server.log();
        for (String secret : List.of(SECRET, QUERY_JWT, "ok-beside-", "ok-fuzz-", "mock-access-")) {
            assertFalse(log.contains(secret), "the log holds " + secret);
        }
        assertFalse(log.contains("OutOfMemoryError"), "an OutOfMemoryError in the log");
        List<String> severe = log.lines().filter(ServerProcess::atSevere).toList();
        assertEquals(List.of(), severe, "nothing logged at SEVERE");
    }
}
