package com.altscodex.jakarta.pending;

import static com.altscodex.jakarta.TestChain.await;
import static com.altscodex.jakarta.TestChain.failureOf;
import static com.altscodex.jakarta.dev.MockDeOAuthServer.AUTHORIZE;
import static com.altscodex.jakarta.dev.MockDeOAuthServer.GET_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.AltsCodexBackend;
import com.altscodex.jakarta.RecordingObserver;
import com.altscodex.jakarta.TestChain;
import com.altscodex.jakarta.client.DirectTransport;
import com.altscodex.jakarta.config.BackendExecutors;
import com.altscodex.jakarta.config.RedisLocation;
import com.altscodex.jakarta.dev.MockDeOAuthServer;
import com.altscodex.jakarta.dev.RecordedRequest;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.error.ShutdownException;
import com.altscodex.jakarta.wire.SlotInfo;
import com.sun.net.httpserver.HttpServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two backends ("replicas") sharing one real Redis, behind one callback address. */
class RedisPendingLoginsTest {
    private LocalRedis redis;
    private MockDeOAuthServer mock;
    private HttpServer balancer;
    private final List<AltsCodexBackend> routeTo = new ArrayList<>();
    private final AtomicInteger callbacks = new AtomicInteger();
    private final List<AltsCodexBackend> started = new ArrayList<>();
    private RedisClient inspector;
    private StatefulRedisConnection<String, String> keys;

    @BeforeEach
    void start() throws Exception {
        redis = LocalRedis.onFreePort();
        mock = MockDeOAuthServer.start(0, TestChain.CLIENT_ID, TestChain.SECRET);
        // the load balancer: each callback goes to the next replica in turn
        balancer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        balancer.setExecutor(Executors.newCachedThreadPool());
        balancer.createContext("/getinfo", exchange -> {
            Map<String, String> query = RecordedRequest.parseQuery(exchange.getRequestURI().getRawQuery());
            AltsCodexBackend target = routeTo.get(callbacks.getAndIncrement() % routeTo.size());
            target.onCallback(query.get("state"), query.get("success"), query.get("code"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        balancer.start();
        inspector = RedisClient.create(redis.uri());
        keys = inspector.connect();
    }

    @AfterEach
    void stop() throws Exception {
        started.forEach(AltsCodexBackend::shutdown);
        keys.close();
        inspector.shutdown();
        balancer.stop(0);
        mock.close();
        redis.close();
    }

    private AltsCodexBackend replica(RecordingObserver observer, boolean shared) {
        var settings = TestChain.settings(mock.baseUri(),
                "http://127.0.0.1:" + balancer.getAddress().getPort() + "/getinfo", Duration.ofSeconds(5));
        if (shared) {
            settings = settings.withRedis(RedisLocation.parse(redis.uri()));
        }
        BackendExecutors executors = BackendExecutors.standalone();
        AltsCodexBackend backend = new AltsCodexBackend(settings, executors,
                new DirectTransport(observer, executors.work()), observer);
        started.add(backend);
        return backend;
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 20 s");
            Thread.sleep(20);
        }
    }

    @Test
    void aLoginOnAIsAnsweredWhenTheCallbackReachesB() throws Exception {
        RecordingObserver seenByA = new RecordingObserver();
        RecordingObserver seenByB = new RecordingObserver();
        AltsCodexBackend a = replica(seenByA, true);
        AltsCodexBackend b = replica(seenByB, true);
        routeTo.add(b);
        SlotInfo slot = await(a.getSlotInfo("test-jwt-alice"));
        assertEquals("alice", slot.tokenNickname());
        assertTrue(slot.accessToken().startsWith("mock-access-"), "the whole slot crosses over");
        assertEquals(List.of(CallbackMatch.MATCHED), seenByB.callbacks);
        assertTrue(seenByA.callbacks.isEmpty());
        assertEquals(0, a.pendingLogins());
        waitUntil(() -> keys.sync().keys("altscodex:pending:*").isEmpty());
    }

    @Test
    void aLoginCostsTwoRoundTripsToRedisAndOneNoCallbackClaimedThree() throws Exception {
        AltsCodexBackend a = replica(new RecordingObserver(), true);
        routeTo.add(a);
        await(a.getSlotInfo("test-jwt-warm"));
        failureOf(a.getSlotInfo("timeout-warm", Duration.ofMillis(200)));
        waitUntil(() -> a.pendingLogins() == 0 && keys.sync().keys("altscodex:pending:*").isEmpty());
        // Redis counts the commands a script runs too: the round trips are the SETs sent and the scripts
        // (run by their SHA once Redis has seen them; the warm-up login loaded them)
        long evals = scripts();
        long evalsBefore = calls("eval");
        for (int i = 0; i < 10; i++) {
            await(a.getSlotInfo("test-jwt-player" + i));
        }
        assertTrue(keys.sync().keys("altscodex:pending:*").isEmpty());
        // the claim's script deletes the key: no release follows
        assertEquals(10, scripts() - evals, "scripts for 10 claimed logins: the claims only");
        assertEquals(0, calls("eval") - evalsBefore, "every script run by its SHA: none sent whole");

        evals = scripts();
        failureOf(a.getSlotInfo("timeout-unclaimed", Duration.ofMillis(200)));
        waitUntil(() -> keys.sync().keys("altscodex:pending:*").isEmpty());
        assertEquals(1, scripts() - evals, "the release of a login no callback claimed");
    }

    /** How many times Redis ran {@code command} so far, sent or from a script. */
    private long scripts() {
        return calls("eval") + calls("evalsha");
    }

    private long calls(String command) {
        for (String line : keys.sync().info("commandstats").split("\\r?\\n")) {
            if (line.startsWith("cmdstat_" + command + ":calls=")) {
                int at = line.indexOf("calls=") + "calls=".length();
                return Long.parseLong(line.substring(at, line.indexOf(',', at)));
            }
        }
        return 0;
    }

    @Test
    void aRejectionOnBFailsTheLoginOnA() throws Exception {
        AltsCodexBackend a = replica(new RecordingObserver(), true);
        routeTo.add(replica(new RecordingObserver(), true));
        assertEquals(ErrorCode.CALLBACK_REJECTED, failureOf(a.getSlotInfo("reject-bob")).code());
    }

    @Test
    void withoutTheSharedStoreTheSameSetupTimesOut() throws Exception {
        AltsCodexBackend a = replica(new RecordingObserver(), false);
        RecordingObserver seenByB = new RecordingObserver();
        routeTo.add(replica(seenByB, false));
        assertEquals(ErrorCode.CALLBACK_TIMEOUT, failureOf(a.getSlotInfo("test-jwt-carol", Duration.ofSeconds(1))).code());
        assertEquals(List.of(CallbackMatch.UNKNOWN), seenByB.callbacks, "B never heard of A's login");
    }

    @Test
    void aCallbackDeliveredToBothReplicasIsExchangedOnce() throws Exception {
        RecordingObserver seenByA = new RecordingObserver();
        RecordingObserver seenByB = new RecordingObserver();
        AltsCodexBackend a = replica(seenByA, true);
        AltsCodexBackend b = replica(seenByB, true);
        routeTo.add(a);
        routeTo.add(b);
        assertEquals("dan", await(a.getSlotInfo("duplicate-dan")).tokenNickname());
        waitUntil(() -> seenByA.callbacks.size() + seenByB.callbacks.size() == 2);
        Thread.sleep(300);
        assertEquals(1, mock.requests(GET_TOKEN).size());
        List<CallbackMatch> all = new ArrayList<>(seenByA.callbacks);
        all.addAll(seenByB.callbacks);
        assertEquals(1, all.stream().filter(m -> m == CallbackMatch.MATCHED).count(), all.toString());
        assertTrue(all.contains(CallbackMatch.DUPLICATE), all.toString());
    }

    @Test
    void racingClaimsOfOneStateHaveExactlyOneWinner() throws Exception {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
        var replicas = new ArrayList<RedisPendingLogins>();
        try {
            for (int i = 0; i < 4; i++) {
                replicas.add(new RedisPendingLogins(RedisLocation.parse(redis.uri()), Executors.newCachedThreadPool(),
                        timers));
            }
            await(replicas.get(0).register("s-race", Duration.ofSeconds(30)).recorded());
            List<CompletableFuture<CallbackMatch>> claims = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                claims.add(replicas.get(i % 4).claim("s-race").toCompletableFuture());
            }
            long winners = 0;
            for (CompletableFuture<CallbackMatch> claim : claims) {
                winners += claim.get() == CallbackMatch.MATCHED ? 1 : 0;
                assertTrue(claim.get() == CallbackMatch.MATCHED || claim.get() == CallbackMatch.DUPLICATE);
            }
            assertEquals(1, winners);
        } finally {
            replicas.forEach(RedisPendingLogins::close);
            timers.shutdownNow();
        }
    }

    @Test
    void theKeysOfADeadOwnerExpire() throws Exception {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
        RedisPendingLogins owner = new RedisPendingLogins(RedisLocation.parse(redis.uri()),
                Executors.newCachedThreadPool(), timers, Duration.ofMillis(300));
        // a login long enough that its owner's own timer cannot release the key before the owner dies
        await(owner.register("s-dead", Duration.ofSeconds(2)).recorded());
        long ttl = keys.sync().pttl("altscodex:pending:{s-dead}");
        assertTrue(ttl > 0 && ttl <= 2300, "expires with the login plus the margin: " + ttl);
        // the owner dies: no timer, no release, no connection
        timers.shutdownNow();
        owner.close();
        assertEquals(1, keys.sync().exists("altscodex:pending:{s-dead}"));
        waitUntil(() -> keys.sync().exists("altscodex:pending:{s-dead}") == 0);
    }

    @Test
    void shutdownAnswersItsOwnLoginsAndReleasesTheirStates() throws Exception {
        AltsCodexBackend a = replica(new RecordingObserver(), true);
        routeTo.add(a);
        List<CompletableFuture<SlotInfo>> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(a.getSlotInfo("timeout-" + i, Duration.ofSeconds(30)).toCompletableFuture());
        }
        waitUntil(() -> mock.requests(AUTHORIZE).size() == 5);
        assertEquals(5, keys.sync().keys("altscodex:pending:*").size());
        a.shutdown();
        for (CompletableFuture<SlotInfo> login : waiting) {
            assertTrue(failureOf(login) instanceof ShutdownException);
        }
        assertTrue(keys.sync().keys("altscodex:pending:*").isEmpty(), "released at shutdown, not left to expire");
    }

    @Test
    void redisStoppingFailsLoginsFastLoggedOnceThenRecovers() throws Exception {
        List<LogRecord> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger storeLog = Logger.getLogger(RedisPendingLogins.class.getName());
        storeLog.addHandler(capture);
        try {
            AltsCodexBackend a = replica(new RecordingObserver(), true);
            routeTo.add(a);
            assertEquals("erin", await(a.getSlotInfo("test-jwt-erin")).tokenNickname());

            redis.stop();
            for (int i = 0; i < 5; i++) {
                CompletionStage<SlotInfo> login = a.getSlotInfo("test-jwt-down" + i);
                assertEquals(ErrorCode.STORE_UNAVAILABLE, failureOf(login).code());
            }
            assertTrue(a.readiness().storeUnavailable());
            assertEquals(1, warnings.size(), "one warning per outage, not one per login");
            assertFalse(warnings.get(0).getMessage().contains("password"));

            redis.start();
            waitUntil(() -> {
                try {
                    return "frank".equals(await(a.getSlotInfo("test-jwt-frank")).tokenNickname());
                } catch (Exception stillDown) {
                    return false;
                }
            });
            assertFalse(a.readiness().storeUnavailable());
        } finally {
            storeLog.removeHandler(capture);
        }
    }

    @Test
    void theLocationNeverShowsItsPassword() {
        RedisLocation location = RedisLocation.parse("rediss://:hunter2-pw@cache.internal:6380/2");
        assertEquals("rediss://****@cache.internal:6380/2", location.toString());
    }
}
