package com.altscodex.jakarta.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.altscodex.jakarta.dev.MockBehaviour;
import com.altscodex.jakarta.dev.MockDeOAuthServer;
import com.altscodex.jakarta.it.Http;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The kit's lifecycle seen from outside: sample test classes run in their own JUnit engine, and
 * what their servers did is checked after the engine is done with them.
 */
class MockDeOAuthExtensionTest {
    /** The servers the samples saw, in the order they saw them. */
    static final List<MockDeOAuthServer> SEEN = new ArrayList<>();

    @Test
    void aStaticFieldSharesOneServerAndResetsItBeforeEachTest() throws Exception {
        run(SharedServer.class, 2);
        assertEquals(2, SEEN.size());
        assertSame(SEEN.get(0), SEEN.get(1));
        assertClosed(SEEN.get(0));
    }

    @Test
    void anInstanceFieldGivesEachTestItsOwnServer() throws Exception {
        run(ServerPerTest.class, 2);
        assertNotEquals(SEEN.get(0), SEEN.get(1));
        assertClosed(SEEN.get(0));
        assertClosed(SEEN.get(1));
    }

    @Test
    void aServerUsedBeforeTheTestsStartIsTheOneTheyGet() throws Exception {
        run(EarlyUse.class, 1);
        assertSame(EarlyUse.EARLY, SEEN.get(0));
        assertClosed(EarlyUse.EARLY);
    }

    @Test
    void nestedClassesShareTheOuterServerUntilTheOuterClassEnds() throws Exception {
        run(WithNested.class, 2);
        assertSame(SEEN.get(0), SEEN.get(1));
        assertClosed(SEEN.get(0));
    }

    @Test
    void aFixedPortIsTheOneItListensOn() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        MockDeOAuthExtension kit = MockDeOAuthExtension.forClient("c", "s").onPort(port);
        try {
            assertEquals(port, kit.server().port());
            assertEquals("http://127.0.0.1:" + port, kit.baseUri().toString());
        } finally {
            kit.server().close();
        }
    }

    /** Runs the sample's tests and checks that all of them, and its class-level methods, passed. */
    private static void run(Class<?> sample, int tests) {
        SEEN.clear();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute();
        results.containerEvents().assertStatistics(containers -> containers.failed(0));
        results.testEvents().assertStatistics(events -> events.succeeded(tests).failed(0));
    }

    /** The server the tests used is still up: a logout without a JWT is answered (401), not refused. */
    private static void assertAnswers(MockDeOAuthServer server) throws IOException, InterruptedException {
        assertEquals(401, Http.post(server.baseUri() + MockDeOAuthServer.LOGOUT, null, "").status());
    }

    private static void assertClosed(MockDeOAuthServer server) {
        CompletionException refused = assertThrows(CompletionException.class,
                () -> Http.postAsync(server.baseUri() + MockDeOAuthServer.LOGOUT, null, "").join());
        assertTrue(refused.getCause() instanceof ConnectException, refused.toString());
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SharedServer {
        @RegisterExtension
        static final MockDeOAuthExtension DEOAUTH = MockDeOAuthExtension.forClient("kit-client", "kit-secret");

        @Test
        @Order(1)
        void scriptsAndCalls() throws Exception {
            SEEN.add(DEOAUTH.server());
            DEOAUTH.server().script("test-jwt-x", MockBehaviour.EXPIRED);
            Http.post(DEOAUTH.baseUri() + MockDeOAuthServer.LOGOUT, null, "");
            assertEquals(1, DEOAUTH.server().requests().size());
        }

        @Test
        @Order(2)
        void startsClean() {
            SEEN.add(DEOAUTH.server());
            assertTrue(DEOAUTH.server().requests().isEmpty(), "the first test's request is forgotten");
        }

        @AfterAll
        static void stillRunningUntilTheClassEnds() throws IOException, InterruptedException {
            assertAnswers(SEEN.get(0));
        }
    }

    static class ServerPerTest {
        @RegisterExtension
        final MockDeOAuthExtension deoauth = MockDeOAuthExtension.forClient("kit-client", "kit-secret");

        @Test
        void one() {
            SEEN.add(deoauth.server());
        }

        @Test
        void two() {
            SEEN.add(deoauth.server());
        }
    }

    static class EarlyUse {
        @RegisterExtension
        static final MockDeOAuthExtension DEOAUTH = MockDeOAuthExtension.forClient("kit-client", "kit-secret");
        // as an Arquillian @Deployment method would, before any callback of the extension
        static final MockDeOAuthServer EARLY = DEOAUTH.server();

        @Test
        void getsTheSameServer() {
            SEEN.add(DEOAUTH.server());
        }
    }

    static class WithNested {
        @RegisterExtension
        static final MockDeOAuthExtension DEOAUTH = MockDeOAuthExtension.forClient("kit-client", "kit-secret");

        @Test
        void outer() {
            SEEN.add(DEOAUTH.server());
        }

        @Nested
        class Inner {
            @Test
            void inner() {
                SEEN.add(DEOAUTH.server());
            }
        }

        @AfterAll
        static void stillRunningAfterTheNestedClassEnded() throws IOException, InterruptedException {
            assertAnswers(SEEN.get(0));
        }
    }
}
