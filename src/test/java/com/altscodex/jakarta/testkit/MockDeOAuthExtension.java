package com.altscodex.jakarta.testkit;

import com.altscodex.jakarta.dev.MockDeOAuthServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a {@link MockDeOAuthServer} for a JUnit 5 test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MockDeOAuthExtension DEOAUTH = MockDeOAuthExtension.forClient("game-client", "game-secret");
 * }</pre>
 *
 * On a static field the server starts before the first test, or earlier at its first use (an
 * Arquillian {@code @Deployment} method that writes {@link #baseUri()} into the application's
 * configuration runs before any extension callback), is {@linkplain MockDeOAuthServer#reset()
 * reset} before each test so that scripts and recorded requests speak of that test alone, and
 * closes after the last test. On an instance field every test gets a server of its own.
 */
public final class MockDeOAuthExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final String clientId;
    private final String clientSecret;
    private final int port;
    private MockDeOAuthServer server;
    /** How many test classes (a class and its nested ones) are running on this server; 0: per test. */
    private int runningClasses;

    private MockDeOAuthExtension(String clientId, String clientSecret, int port) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.port = port;
    }

    /** A mock that accepts only this client, on a free port of 127.0.0.1. */
    public static MockDeOAuthExtension forClient(String clientId, String clientSecret) {
        return new MockDeOAuthExtension(clientId, clientSecret, 0);
    }

    /** The same mock on a fixed port, for a server configured before the tests start. */
    public MockDeOAuthExtension onPort(int fixedPort) {
        return new MockDeOAuthExtension(clientId, clientSecret, fixedPort);
    }

    /** The running server, started now if it was not: script it, read what it received. */
    public synchronized MockDeOAuthServer server() {
        if (server == null) {
            try {
                server = MockDeOAuthServer.start(port, clientId, clientSecret);
            } catch (IOException e) {
                throw new UncheckedIOException("the mock DeOAuth server could not listen on 127.0.0.1:" + port, e);
            }
        }
        return server;
    }

    /** Where it listens: the application's {@code altscodex.auth-server-url} and {@code platform-url}. */
    public URI baseUri() {
        return server().baseUri();
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        runningClasses++;
        server();
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        // JUnit calls this before the test's own @BeforeEach methods, so their scripts survive it
        server().reset();
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (runningClasses == 0) {
            stop();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        runningClasses--;
        if (runningClasses == 0) {
            stop();
        }
    }

    private void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
