package com.altscodex.jakarta.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.config.LimitSettings;
import com.altscodex.jakarta.config.RedisLocation;
import com.altscodex.jakarta.guard.FailureBudgets.Mode;
import com.altscodex.jakarta.guard.FailureBudgets.Taken;
import com.altscodex.jakarta.pending.LocalRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two replicas' budgets in one real Redis: a failure counted on one is counted on both. */
class RedisFailureBudgetsTest {
    private static final LimitSettings LIMITS = new LimitSettings(60, 3, 1_000);
    private LocalRedis redis;
    private ExecutorService work;
    private RedisFailureBudgets a;
    private RedisFailureBudgets b;
    private RedisClient inspector;
    private StatefulRedisConnection<String, String> keys;

    @BeforeEach
    void start() throws Exception {
        redis = LocalRedis.onFreePort();
        work = Executors.newFixedThreadPool(4);
        a = new RedisFailureBudgets(RedisLocation.parse(redis.uri()), LIMITS, work);
        b = new RedisFailureBudgets(RedisLocation.parse(redis.uri()), LIMITS, work);
        inspector = RedisClient.create(redis.uri());
        keys = inspector.connect();
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        b.close();
        keys.close();
        inspector.shutdown();
        work.shutdownNow();
        redis.close();
    }

    private static Taken take(RedisFailureBudgets budgets, String client, Mode mode) {
        return budgets.take(client, mode).toCompletableFuture().join();
    }

    @Test
    void failuresOnOneReplicaUseTheBudgetOnTheOther() {
        assertFalse(take(a, "203.0.113.1", Mode.FAIL).emptied());
        assertFalse(take(b, "203.0.113.1", Mode.FAIL).emptied());
        assertTrue(take(a, "203.0.113.1", Mode.TRY_FAIL).emptied(), "the third of a burst of 3 empties it");
        Taken refused = take(b, "203.0.113.1", Mode.LOOK);
        assertTrue(refused.refused(), "B sees what A counted");
        assertTrue(refused.waitMillis() > 0 && refused.waitMillis() <= 1_000, "60 a minute: one a second, " + refused);
        assertTrue(take(b, "203.0.113.1", Mode.TRY_FAIL).refused(), "a try past the budget is refused and not counted");
        assertFalse(take(b, "203.0.113.2", Mode.LOOK).refused(), "another address is not touched");
    }

    @Test
    void aBudgetExpiresOnceItWouldBeFullAgainAndALookWritesNothing() throws Exception {
        take(a, "203.0.113.5", Mode.FAIL);
        long ttl = keys.sync().pttl("altscodex:limit:203.0.113.5");
        assertTrue(ttl > 0 && ttl <= 1_000, "one failure is refilled within a second: " + ttl);
        take(a, "203.0.113.6", Mode.LOOK);
        assertEquals(0, keys.sync().exists("altscodex:limit:203.0.113.6"));
        Thread.sleep(1_100);
        assertEquals(0, keys.sync().exists("altscodex:limit:203.0.113.5"), "Redis keeps only addresses that failed lately");
    }

    @Test
    void redisAwayFailsTheAttemptAsStoreUnavailable() throws Exception {
        redis.stop();
        var failure = a.take("203.0.113.9", Mode.LOOK).toCompletableFuture().handle((ok, e) -> e).join();
        assertTrue(failure != null && String.valueOf(failure).contains("StoreUnavailable"), String.valueOf(failure));
    }
}
