package com.altscodex.jakarta.pending;

import static com.altscodex.jakarta.TestChain.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.TestCa;
import com.altscodex.jakarta.config.RedisLocation;
import com.altscodex.jakarta.config.RedisTls;
import com.altscodex.jakarta.wire.SlotInfo;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas' stores behind Sentinel: the primary dies with logins waiting, Sentinel promotes the
 * replica, and the stores find the new primary by themselves, over TLS and as an ACL user; every
 * login is answered once.
 */
class SentinelFailoverTest {
    private static final SlotInfo SLOT = new SlotInfo("slot-1", "access", "0x1", "nick", 1, "code");

    private LocalSentinel redis;
    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
    private final ExecutorService work = Executors.newCachedThreadPool();
    private final List<RedisPendingLogins> stores = new ArrayList<>();

    @AfterEach
    void stop() {
        stores.forEach(RedisPendingLogins::close);
        timers.shutdownNow();
        work.shutdownNow();
        if (redis != null) {
            redis.close();
        }
    }

    private RedisPendingLogins store(RedisLocation location) {
        RedisPendingLogins store = new RedisPendingLogins(location, work, timers);
        stores.add(store);
        return store;
    }

    /** Over TLS (rediss-sentinel://, the sentinel included) and as an ACL user with the guide's grant. */
    @Test
    void waitingLoginsOutliveAFailoverAndAreAnsweredOnce(@TempDir Path dir) throws Exception {
        TestCa ca = TestCa.shared("test-ca");
        redis = LocalSentinel.start(ca);
        redis.addUser("altscodex", "acl-pw-sentinel-1", GuideAclGrant.RULES);
        RedisLocation location = RedisLocation.parse(redis.uri("altscodex:acl-pw-sentinel-1@"))
                .withTls(RedisTls.of(RedisTls.caFile(ca.pem()), null, null, true));
        RedisPendingLogins owner = store(location);
        RedisPendingLogins claimer = store(location);
        List<CompletableFuture<SlotInfo>> waiting = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Registration login = owner.register("s-" + i, Duration.ofSeconds(60));
            await(login.recorded());
            waiting.add(login.result().toCompletableFuture());
        }
        redis.awaitReplicated();

        redis.killPrimary();
        waitUntil(() -> !owner.available(), "the owner sees the primary gone");
        redis.awaitPromotion(Duration.ofSeconds(20));
        waitUntil(() -> owner.available() && claimer.available(), "both reach the new primary");

        for (int i = 0; i < 50; i++) {
            assertEquals(CallbackMatch.MATCHED, await(claimer.claim("s-" + i)), "recorded before the failover");
            assertTrue(claimer.complete("s-" + i, SLOT));
        }
        for (CompletableFuture<SlotInfo> login : waiting) {
            assertEquals(SLOT, login.get(10, TimeUnit.SECONDS));
        }
        assertEquals(CallbackMatch.DUPLICATE, await(claimer.claim("s-0")), "a second callback answers nothing");
        assertEquals(0, owner.size());
    }

    @Test
    void anOutcomePublishedWhileTheOwnerWasNotSubscribedIsReadOnResubscribing() throws Exception {
        // any Redis will do: what matters is a subscription that drops and comes back
        LocalRedis single = LocalRedis.onFreePort();
        RedisPendingLogins owner = store(RedisLocation.parse(single.uri()));
        Registration login = owner.register("s-missed", Duration.ofSeconds(60));
        await(login.recorded());
        RedisClient inspector = RedisClient.create(single.uri());
        try (StatefulRedisConnection<String, String> keys = inspector.connect()) {
            // the relay kept it, and its message went to nobody
            keys.sync().set("altscodex:outcome:s-missed", RelayedOutcome.encode("s-missed", SLOT));
            assertFalse(login.result().toCompletableFuture().isDone());
            // drops the owner's subscription: it reconnects, subscribes again and reads what it missed
            keys.sync().clientKill(io.lettuce.core.KillArgs.Builder.typePubsub());
            assertEquals(SLOT, login.result().toCompletableFuture().get(10, TimeUnit.SECONDS));
        } finally {
            inspector.shutdown();
            single.close();
        }
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what + ": not within 20 s");
            Thread.sleep(20);
        }
    }
}
