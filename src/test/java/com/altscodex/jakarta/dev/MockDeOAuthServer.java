package com.altscodex.jakarta.dev;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * A DeOAuth server for development and tests, on the JDK's own HTTP server: authorize (then the
 * callback to the {@code redirect_uri} it was given), get_token (Basic credentials and single-use
 * codes checked), refresh and logout, as PROTOCOL.md describes them, and the platform's browser
 * login page ({@link MockLoginPage}). It records every request so tests can assert on the wire.
 */
public final class MockDeOAuthServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MockDeOAuthServer.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_RECORDED = 10_000;
    private static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(3);
    public static final String AUTHORIZE = "/v1/oauth-meta/authorize";
    public static final String GET_TOKEN = "/v1/oauth-meta/get_token";
    public static final String REFRESH = "/oauth/token/refresh";
    public static final String LOGOUT = "/oauth/logout";
    public static final String LOGIN_PAGE = MockLoginPage.PATH;
    /** Counters for a process that watches the mock from outside (the benchmark); not a DeOAuth path. */
    public static final String STATS = "/mock/stats";
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private record Issued(String jwt, String redirectUri, MockBehaviour behaviour) {
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient callbacks;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, MockBehaviour> scripted = new ConcurrentHashMap<>();
    private final Map<String, Issued> codes = new ConcurrentHashMap<>();
    // a deque: dropping the oldest of 10,000 must not shift the other 9,999 (the benchmark drops one per request)
    private final ArrayDeque<RecordedRequest> recorded = new ArrayDeque<>();
    private final Map<String, Canned> canned = new ConcurrentHashMap<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final MockLoginPage loginPage;
    private volatile Duration slowDelay = DEFAULT_SLOW_DELAY;
    private volatile MockBehaviour defaultBehaviour = MockBehaviour.SUCCESS;
    /** Callbacks kept while {@link #holdCallbacks} holds them (guarded by itself, as is holding). */
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;
    // counted apart from the recorded requests, which keep only the last MAX_RECORDED
    private final Map<String, LongAdder> received = new ConcurrentHashMap<>();
    private final LongAdder callbacksAnswered = new LongAdder();
    private final LongAdder callbacksFailed = new LongAdder();

    private record Canned(int status, String json) {
    }

    private MockDeOAuthServer(HttpServer server, String clientId, String clientSecret, int threadCount) {
        this.server = server;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.loginPage = new MockLoginPage(clientId, this::issueJwt);
        ThreadFactory daemons = runnable -> {
            Thread thread = new Thread(runnable, "mock-deoauth");
            thread.setDaemon(true);
            return thread;
        };
        this.threads = threadCount > 0 ? Executors.newFixedThreadPool(threadCount, daemons)
                : Executors.newCachedThreadPool(daemons);
        // HTTP/1.1, the usual for a server-to-server POST: the JDK's default would upgrade to
        // h2c, and when Payara then ends such a connection with GOAWAY, callbacks in flight are lost
        this.callbacks = HttpClient.newBuilder().executor(threads).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        server.setExecutor(threads);
        server.createContext(AUTHORIZE, cannedOr(this::authorize));
        server.createContext(GET_TOKEN, cannedOr(this::getToken));
        server.createContext(REFRESH, cannedOr(this::refresh));
        server.createContext(LOGOUT, cannedOr(this::logout));
        server.createContext(LOGIN_PAGE, this::loginPage);
        server.createContext(STATS, this::stats);
        server.createContext("/", exchange -> answer(exchange, 404, "{\"success\":false,\"code\":\"NOT_FOUND\"}"));
    }

    /**
     * Starts a mock on {@code 127.0.0.1:port} (0 picks a free port) that accepts only this client.
     */
    public static MockDeOAuthServer start(int port, String clientId, String clientSecret) throws IOException {
        return start(port, clientId, clientSecret, 0);
    }

    /**
     * @param threadCount a fixed pool of this many threads for its requests and callbacks, or 0 for
     *     a pool that grows with them (a slow delay then holds one thread per request). A benchmark
     *     fixes it: grown to ~980 threads, the mock cost as much CPU per login as the server under test.
     */
    public static MockDeOAuthServer start(int port, String clientId, String clientSecret, int threadCount)
            throws IOException {
        // The JDK's HTTP server writes a response's headers and its body apart and, unless told,
        // leaves Nagle on: the body then waits for the client's delayed ACK, 40 ms on Linux, and
        // a login took 48 ms instead of 5. Read once, when this JVM's first HttpServer starts, so
        // set it before ours (a value set beforehand wins).
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        MockDeOAuthServer mock = new MockDeOAuthServer(server, clientId, clientSecret, threadCount);
        server.start();
        return mock;
    }

    /** The base URL to configure as {@code altscodex.auth-server-url}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Makes logins with exactly this JWT behave so, whatever its first word says. */
    public MockDeOAuthServer script(String jwt, MockBehaviour behaviour) {
        scripted.put(jwt, behaviour);
        return this;
    }

    /**
     * Answers every request on {@code path} with this status and JSON instead of behaving (the
     * request is still recorded); for answers the behaviours do not cover. Null json clears it.
     */
    public MockDeOAuthServer override(String path, int status, String json) {
        if (json == null) {
            canned.remove(path);
        } else {
            canned.put(path, new Canned(status, json));
        }
        return this;
    }

    /**
     * What logins do when their JWT is not scripted and its first word names no behaviour
     * ({@link MockBehaviour#SUCCESS} unless set): a whole run can time out, say, whatever JWTs come.
     */
    public MockDeOAuthServer defaultBehaviour(MockBehaviour behaviour) {
        this.defaultBehaviour = behaviour;
        return this;
    }

    /** How long {@link MockBehaviour#SLOW} makes get_token take (3 s unless set). */
    public MockDeOAuthServer slowDelay(Duration delay) {
        this.slowDelay = delay;
        return this;
    }

    /**
     * From now on, keeps every callback it would send instead of sending it, until
     * {@link #releaseCallbacks}: logins wait, as for a user who is slow to approve, while a test
     * does something to the servers (stops one, fails its store over) before they are answered.
     */
    public MockDeOAuthServer holdCallbacks() {
        synchronized (held) {
            holding = true;
        }
        return this;
    }

    /** Sends the callbacks held so far, in the order they were due, and stops holding; how many. */
    public int releaseCallbacks() {
        List<Runnable> due;
        synchronized (held) {
            holding = false;
            due = List.copyOf(held);
            held.clear();
        }
        due.forEach(Runnable::run);
        return due.size();
    }

    /** Every request received so far, oldest first. */
    public List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** The requests received on one path, e.g. {@code /v1/oauth-meta/get_token}. */
    public List<RecordedRequest> requests(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    /**
     * Every JWT (from the login page), code, access token and refresh token this mock has issued:
     * what must never be logged.
     */
    public Set<String> issuedTokens() {
        return Set.copyOf(issued);
    }

    public void clearRequests() {
        synchronized (recorded) {
            recorded.clear();
        }
    }

    /**
     * Back to how it started: no recorded request, no script, no override, the default behaviour
     * and slow delay; what it issued stays valid, so a login still under way can finish.
     */
    public void reset() {
        clearRequests();
        scripted.clear();
        canned.clear();
        defaultBehaviour = MockBehaviour.SUCCESS;
        slowDelay = DEFAULT_SLOW_DELAY;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private HttpHandler cannedOr(HttpHandler behaviour) {
        return exchange -> {
            Canned answer = canned.get(exchange.getHttpContext().getPath());
            if (answer == null) {
                behaviour.handle(exchange);
            } else {
                record(exchange);
                answer(exchange, answer.status(), answer.json());
            }
        };
    }

    /**
     * {@code {"authorize": n, "get_token": n, "refresh": n, "logout": n, "callbacks_answered": n,
     * "callbacks_failed": n}}: requests received since the start, and callbacks sent. A benchmark
     * reads it to know when every login it sent has reached authorize.
     */
    private void stats(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().close();
        answer(exchange, 200, JSON.createObjectBuilder()
                .add("authorize", count(AUTHORIZE))
                .add("get_token", count(GET_TOKEN))
                .add("refresh", count(REFRESH))
                .add("logout", count(LOGOUT))
                .add("callbacks_answered", callbacksAnswered.sum())
                .add("callbacks_failed", callbacksFailed.sum())
                .build().toString());
    }

    private long count(String path) {
        LongAdder adder = received.get(path);
        return adder == null ? 0 : adder.sum();
    }

    private void authorize(HttpExchange exchange) throws IOException {
        RecordedRequest request = record(exchange);
        Map<String, String> query = request.query();
        String jwt = bearer(request);
        String state = query.get("state");
        String redirectUri = query.get("redirect_uri");
        if (!"GET".equals(request.method()) || jwt == null || state == null || redirectUri == null
                || !clientId.equals(query.get("client_id")) || !"code".equals(query.get("respose_type"))
                || query.containsKey("response_type")) {
            answer(exchange, 400, "{\"success\":false,\"code\":\"INVALID_REQUEST\",\"msg\":\"bad authorize request\"}");
            return;
        }
        MockBehaviour behaviour = behaviourFor(jwt);
        switch (behaviour) {
            case EXPIRED -> answer(exchange, 200,
                    "{\"success\":false,\"code\":\"EXPIRED_TOKEN\",\"msg\":\"jwt expired\"}");
            case FAIL -> answer(exchange, 200,
                    "{\"success\":false,\"code\":\"AUTHORIZE_ERROR\",\"msg\":\"authorize refused\"}");
            case TIMEOUT -> answer(exchange, 200, "{\"success\":true}");
            case REJECT -> {
                answer(exchange, 200, "{\"success\":true}");
                sendCallback(redirectUri, state, "0", "ACCESS_DENIED");
            }
            default -> {
                String code = issue("mock-code-");
                codes.put(code, new Issued(jwt, redirectUri, behaviour));
                if (behaviour == MockBehaviour.EARLY) {
                    sendCallback(redirectUri, state, "1", code).join();
                }
                answer(exchange, 200, "{\"success\":true}");
                if (behaviour != MockBehaviour.EARLY) {
                    sendCallback(redirectUri, state, "1", code);
                }
                if (behaviour == MockBehaviour.DUPLICATE) {
                    sendCallback(redirectUri, state, "1", code);
                }
            }
        }
    }

    private MockBehaviour behaviourFor(String jwt) {
        MockBehaviour behaviour = scripted.get(jwt);
        return behaviour != null ? behaviour : MockBehaviour.namedBy(jwt).orElse(defaultBehaviour);
    }

    private void getToken(HttpExchange exchange) throws IOException {
        RecordedRequest request = record(exchange);
        if (!validBasic(request.header("Authorization"))) {
            answer(exchange, 401, "{\"success\":false,\"code\":\"invalid_client\"}");
            return;
        }
        JsonObject body = json(request.body());
        String code = body == null ? null : text(body, "code");
        Issued issued = code == null ? null : codes.remove(code); // single use
        if (body == null || !"code".equals(text(body, "grant_type")) || issued == null
                || !issued.redirectUri().equals(text(body, "redirect_uri"))) {
            answer(exchange, 400, "{\"success\":false,\"code\":\"invalid_grant\"}");
            return;
        }
        if (issued.behaviour() == MockBehaviour.TOKENERROR) {
            answer(exchange, 500, "{\"success\":false,\"code\":\"SERVER_ERROR\"}");
            return;
        }
        if (issued.behaviour() == MockBehaviour.SLOW) {
            sleep(slowDelay);
        }
        // derived from the user's name, so one user keeps one slot id over logins, as with the real server
        String nickname = nickname(issued.jwt());
        String digest = sha256(nickname);
        String slot = JSON.createObjectBuilder()
                .add("id", "slot-" + digest.substring(0, 12))
                .add("access_token", issue("mock-access-"))
                .add("content_address", "0x" + digest.substring(0, 40))
                .add("token_nickname", nickname)
                .add("tr_cnt", 3)
                .add("code", code)
                .build().toString();
        answer(exchange, 200, "{\"data\":[" + slot + "]}");
    }

    private void refresh(HttpExchange exchange) throws IOException {
        RecordedRequest request = record(exchange);
        JsonObject body = json(request.body());
        if (body == null || !clientId.equals(text(body, "client_id"))
                || !clientSecret.equals(text(body, "client_secret")) || text(body, "refresh_token") == null) {
            answer(exchange, 401, "{\"success\":false,\"message\":\"invalid client or refresh token\"}");
            return;
        }
        answer(exchange, 200, JSON.createObjectBuilder().add("success", true)
                .add("access_token", issue("mock-access-"))
                .add("refresh_token", issue("mock-refresh-"))
                .add("code", issue("mock-code-")).build().toString());
    }

    private void logout(HttpExchange exchange) throws IOException {
        RecordedRequest request = record(exchange);
        boolean ok = "POST".equals(request.method()) && bearer(request) != null;
        answer(exchange, ok ? 200 : 401, ok ? "{\"success\":true}" : "{\"success\":false}");
    }

    private void loginPage(HttpExchange exchange) throws IOException {
        MockLoginPage.Page page = loginPage.answer(record(exchange));
        answer(exchange, page.status(), "text/html; charset=utf-8", page.html());
    }

    private CompletableFuture<Void> sendCallback(String redirectUri, String state,
            String success, String code) {
        synchronized (held) {
            if (holding) {
                held.add(() -> sendCallback(redirectUri, state, success, code));
                return CompletableFuture.completedFuture(null);
            }
        }
        String query = "state=" + enc(state) + "&success=" + enc(success) + "&code=" + enc(code);
        URI target = URI.create(redirectUri + (redirectUri.contains("?") ? "&" : "?") + query);
        HttpRequest callback = HttpRequest.newBuilder(target)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        return callbacks.sendAsync(callback, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    boolean answered = failure == null && response.statusCode() / 100 == 2;
                    (answered ? callbacksAnswered : callbacksFailed).increment();
                    if (failure != null) {
                        LOG.warning(() -> "mock DeOAuth: callback to " + redirectUri + " failed: " + failure);
                    }
                    return null;
                });
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        received.computeIfAbsent(exchange.getHttpContext().getPath(), path -> new LongAdder()).increment();
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers, body);
        synchronized (recorded) {
            if (recorded.size() >= MAX_RECORDED) {
                recorded.removeFirst();
            }
            recorded.add(request);
        }
        return request;
    }

    private boolean validBasic(String authorization) {
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        return expected.equals(authorization);
    }

    private static String bearer(RecordedRequest request) {
        String authorization = request.header("Authorization");
        return authorization != null && authorization.startsWith("Bearer ") && authorization.length() > 7
                ? authorization.substring(7) : null;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        answer(exchange, status, "application/json", json);
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static JsonObject json(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue() instanceof JsonObject object ? object : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString string ? string.getString() : null;
    }

    /** {@code alice} from {@code test-jwt-alice}; the JWT's last word names the user. */
    private static String nickname(String jwt) {
        String[] words = jwt.split("[-_.:]");
        return words[words.length - 1].isEmpty() ? "player" : words[words.length - 1];
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code expired-<random>-alice}: the first word picks the behaviour, the last names the user. */
    private String issueJwt(MockBehaviour behaviour, String name) {
        String jwt = behaviour.word() + "-" + hex(16) + "-" + name;
        issued.add(jwt);
        return jwt;
    }

    private String issue(String prefix) {
        String token = prefix + hex(16);
        issued.add(token);
        return token;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
