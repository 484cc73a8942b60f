package com.altscodex.jakarta.pending;

import static com.altscodex.jakarta.TestChain.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.config.RedisLocation;
import com.altscodex.jakarta.wire.SlotInfo;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas' stores on a Redis Cluster of three primaries: a state's keys share a slot, an outcome
 * published on one node reaches the owner subscribed on another, and a primary that dies with logins
 * waiting on its slots is replaced by its replica, which the stores find by themselves.
 */
class ClusterTest {
    private static final SlotInfo SLOT = new SlotInfo("slot-1", "access", "0x1", "nick", 1, "code");

    private LocalCluster cluster;
    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
    private final ExecutorService work = Executors.newCachedThreadPool();
    private final List<RedisPendingLogins> stores = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        cluster = LocalCluster.start();
    }

    @AfterEach
    void stop() {
        stores.forEach(RedisPendingLogins::close);
        timers.shutdownNow();
        work.shutdownNow();
        cluster.close();
    }

    private RedisPendingLogins store() {
        RedisPendingLogins store = new RedisPendingLogins(RedisLocation.parse(cluster.uri(), true), work, timers);
        stores.add(store);
        return store;
    }

    @Test
    void loginsOnEverySlotAreAnsweredAcrossNodesAndOutliveAPrimarysFailover() throws Exception {
        RedisPendingLogins owner = store();
        RedisPendingLogins claimer = store();
        List<CompletableFuture<SlotInfo>> waiting = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Registration login = owner.register("s-" + i, Duration.ofSeconds(60));
            await(login.recorded());
            waiting.add(login.result().toCompletableFuture());
        }
        // the first ten are answered before anything fails: their keys lie on all three primaries
        for (int i = 0; i < 10; i++) {
            assertEquals(CallbackMatch.MATCHED, await(claimer.claim("s-" + i)));
            assertTrue(claimer.complete("s-" + i, SLOT));
            assertEquals(SLOT, waiting.get(i).get(10, TimeUnit.SECONDS));
        }

        int dying = cluster.primaryOf("altscodex:pending:{s-10}");
        cluster.awaitReplicated(dying);
        cluster.kill(dying);
        cluster.awaitState(Duration.ofSeconds(30));
        waitUntil(() -> owner.available() && claimer.available(), "both reach the cluster again");

        for (int i = 10; i < 30; i++) {
            CallbackMatch match = awaitClaim(claimer, "s-" + i);
            assertEquals(CallbackMatch.MATCHED, match, "s-" + i + ", recorded before the failover");
            assertTrue(claimer.complete("s-" + i, SLOT));
        }
        for (int i = 10; i < 30; i++) {
            assertEquals(SLOT, waiting.get(i).get(10, TimeUnit.SECONDS), "s-" + i);
        }
        assertEquals(0, owner.size());
    }

    /** A claim on a slot whose new primary the client has not learnt of yet fails once: as a callback retried. */
    private static CallbackMatch awaitClaim(RedisPendingLogins claimer, String state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                return await(claimer.claim(state));
            } catch (java.util.concurrent.ExecutionException unavailable) {
                assertTrue(unavailable.getCause() instanceof com.altscodex.jakarta.error.StoreUnavailableException,
                        String.valueOf(unavailable.getCause()));
                if (System.nanoTime() > deadline) {
                    throw unavailable;
                }
                Thread.sleep(200);
            }
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
