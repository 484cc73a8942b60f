package com.altscodex.jakarta;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.altscodex.jakarta.client.DirectTransport;
import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.BackendExecutors;
import com.altscodex.jakarta.config.ClientCredentials;
import com.altscodex.jakarta.dev.MockDeOAuthServer;
import com.altscodex.jakarta.dev.RecordedRequest;
import com.altscodex.jakarta.error.AltsCodexException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A backend wired to a mock DeOAuth server over real HTTP, with a callback receiver standing in
 * for the JAX-RS callback resource: the whole chain of PROTOCOL.md without an application server.
 */
public final class TestChain implements AutoCloseable {
    public static final String CLIENT_ID = "unit-client";
    public static final String SECRET = "unit-secret-9c1e77b3";

    public final MockDeOAuthServer mock;
    public final AltsCodexBackend backend;
    public final String redirectUri;
    public final AtomicInteger callbacksReceived = new AtomicInteger();
    public final RecordingObserver observed = new RecordingObserver();
    private final HttpServer receiver;

    private TestChain(Duration timeout, int maxPending) throws IOException {
        mock = MockDeOAuthServer.start(0, CLIENT_ID, SECRET);
        AtomicReference<AltsCodexBackend> target = new AtomicReference<>();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/getinfo", exchange -> {
            var query = RecordedRequest.parseQuery(exchange.getRequestURI().getRawQuery());
            callbacksReceived.incrementAndGet();
            target.get().onCallback(query.get("state"), query.get("success"), query.get("code"));
            byte[] body = "{\"received\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        receiver.start();
        redirectUri = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/getinfo";
        BackendExecutors executors = BackendExecutors.standalone();
        backend = new AltsCodexBackend(settings(mock.baseUri(), redirectUri, timeout).withMaxPending(maxPending),
                executors, new DirectTransport(observed, executors.work()), observed);
        target.set(backend);
    }

    public static TestChain start() throws IOException {
        return new TestChain(Duration.ofSeconds(5), AltsCodexSettings.DEFAULT_MAX_PENDING);
    }

    public static TestChain withMaxPending(int maxPending) throws IOException {
        return new TestChain(Duration.ofSeconds(5), maxPending);
    }

    public static AltsCodexSettings settings(URI server, String redirectUri, Duration timeout) {
        return AltsCodexSettings.of(ClientCredentials.of(CLIENT_ID, SECRET), redirectUri, server,
                URI.create("http://127.0.0.1:3000"), timeout);
    }

    /** The stage's value, failing the test after 10 s. */
    public static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The stage's failure, which must be an {@link AltsCodexException}. */
    public static AltsCodexException failureOf(CompletionStage<?> stage) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> stage.toCompletableFuture().get(10, TimeUnit.SECONDS));
        return assertInstanceOf(AltsCodexException.class, e.getCause());
    }

    @Override
    public void close() {
        backend.shutdown();
        receiver.stop(0);
        mock.close();
    }
}
