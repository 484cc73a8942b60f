package com.altscodex.jakarta.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.FreePorts;
import com.altscodex.jakarta.config.RedisLocation;
import com.altscodex.jakarta.error.StoreUnavailableException;
import com.altscodex.jakarta.links.LinkStore.Claim;
import com.altscodex.jakarta.links.LinkStore.Created;
import com.altscodex.jakarta.pending.LocalCluster;
import com.altscodex.jakarta.pending.LocalRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One contract, run unchanged against the in-memory store and the Redis one. Each test sees two
 * "replicas", {@code store} and {@code other}: two Redis stores sharing one server, or the same
 * in-memory store twice.
 */
class LinkStoreContractTest {
    static final Duration TTL = Duration.ofMillis(300);
    static final Duration RETENTION = Duration.ofMillis(500);
    static final Duration LONG = Duration.ofSeconds(30);
    static final Clock CLOCK = Clock.systemUTC();
    private static final AtomicInteger CODES = new AtomicInteger();

    private static LocalRedis redis;
    private static RedisClient inspector;
    private static StatefulRedisConnection<String, String> keys;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = LocalRedis.onFreePort();
        inspector = RedisClient.create(redis.uri());
        keys = inspector.connect();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        keys.close();
        inspector.shutdown();
        redis.close();
    }

    abstract static class Contract {
        ExecutorService work;
        ScheduledExecutorService timers;
        final List<LinkStore> opened = new ArrayList<>();
        LinkStore store;
        LinkStore other;

        /** A fresh store: a new replica of the same shared state where the store is shared. */
        abstract LinkStore replica();

        /** Another replica, or the same store where there is only one process's state. */
        abstract LinkStore otherReplica();

        @BeforeEach
        void open() {
            work = Executors.newCachedThreadPool();
            timers = Executors.newScheduledThreadPool(1);
            store = replica();
            other = otherReplica();
        }

        @AfterEach
        void close() {
            opened.forEach(LinkStore::close);
            timers.shutdownNow();
            work.shutdownNow();
        }

        <T extends LinkStore> T keep(T opening) {
            opened.add(opening);
            return opening;
        }

        @Test
        void aCreatedLinkReadsBackWhole() throws Exception {
            LinkRecord link = link(LONG);
            assertEquals(Created.CREATED, await(store.create(link, 10)));
            assertEquals(Optional.of(link), await(other.get(link.id())));
            assertEquals(Optional.empty(), await(store.get("no-such-link")));
        }

        @Test
        void aTakenCodeIsRefusedAndNothingIsKept() throws Exception {
            LinkRecord first = link(LONG);
            LinkRecord second = new LinkRecord(UUID.randomUUID().toString(), "bob", first.userCode(), null,
                    first.expiresAt(), LinkStatus.PENDING, null);
            assertEquals(Created.CREATED, await(store.create(first, 10)));
            assertEquals(Created.CODE_TAKEN, await(other.create(second, 10)));
            assertEquals(Optional.empty(), await(store.get(second.id())));
            assertEquals(Optional.of(first.id()), await(store.idForCode(first.userCode())));
        }

        @Test
        void maxPendingLinksFillTheStoreUntilTheyExpire() throws Exception {
            LinkRecord a = link(TTL);
            LinkRecord b = link(TTL);
            assertEquals(Created.CREATED, await(store.create(a, 2)));
            assertEquals(Created.CREATED, await(other.create(b, 2)));
            assertEquals(Created.FULL, await(store.create(link(LONG), 2)));
            assertEquals(Created.FULL, await(other.create(link(LONG), 2)), "the bound holds across replicas");
            assertEquals(2, store.pending());
            sleepPast(a.expiresAt());
            assertEquals(Created.CREATED, await(store.create(link(LONG), 2)), "expired links do not count");
        }

        @Test
        void aSettledLinkNoLongerCounts() throws Exception {
            LinkRecord a = link(LONG);
            assertEquals(Created.CREATED, await(store.create(a, 1)));
            assertEquals(Created.FULL, await(store.create(link(LONG), 1)));
            assertTrue(await(store.claim(a.id())).claimed());
            await(store.settle(a.id(), LinkStatus.SUCCEEDED, "{}"));
            assertEquals(0, store.pending());
            assertEquals(Created.CREATED, await(store.create(link(LONG), 1)));
        }

        @Test
        void theCodeFindsOnlyAnUnexpiredPendingLink() throws Exception {
            LinkRecord open = link(LONG);
            LinkRecord shortLived = link(TTL);
            await(store.create(open, 10));
            await(store.create(shortLived, 10));
            assertEquals(Optional.of(open.id()), await(other.idForCode(open.userCode())));
            assertEquals(Optional.empty(), await(store.idForCode("NOPE-0000")));
            assertTrue(await(other.claim(open.id())).claimed());
            assertEquals(Optional.empty(), await(store.idForCode(open.userCode())), "not once opened");
            sleepPast(shortLived.expiresAt());
            assertEquals(Optional.empty(), await(store.idForCode(shortLived.userCode())), "not once expired");
        }

        @Test
        void exactlyOneOfManyConcurrentClaimsWins() throws Exception {
            LinkRecord link = link(LONG);
            await(store.create(link, 10));
            List<CompletableFuture<Claim>> claims = new ArrayList<>();
            List<CompletableFuture<Void>> started = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                LinkStore replica = i % 2 == 0 ? store : other;
                CompletableFuture<Claim> claim = new CompletableFuture<>();
                claims.add(claim);
                started.add(CompletableFuture.runAsync(
                        () -> replica.claim(link.id()).whenComplete((c, f) -> {
                            if (f != null) {
                                claim.completeExceptionally(f);
                            } else {
                                claim.complete(c);
                            }
                        }), work));
            }
            CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            int winners = 0;
            for (CompletableFuture<Claim> claim : claims) {
                Claim c = await(claim);
                winners += c.claimed() ? 1 : 0;
                assertEquals(LinkStatus.OPENED, c.link().status(), "the winner and the others see it opened");
            }
            assertEquals(1, winners);
            assertEquals(LinkStatus.OPENED, await(store.get(link.id())).orElseThrow().status());
        }

        @Test
        void anUnknownLinkIsNotClaimed() throws Exception {
            Claim claim = await(store.claim("no-such-link"));
            assertFalse(claim.claimed());
            assertNull(claim.link());
        }

        @Test
        void anExpiredLinkIsNotClaimedAndReadsExpired() throws Exception {
            LinkRecord link = link(TTL);
            await(store.create(link, 10));
            sleepPast(link.expiresAt());
            Claim claim = await(other.claim(link.id()));
            assertFalse(claim.claimed());
            assertEquals(LinkStatus.EXPIRED, claim.link().status());
            assertEquals(LinkStatus.EXPIRED, await(store.get(link.id())).orElseThrow().status());
        }

        @Test
        void aSettleWakesAWaiterAtOnceOnAnyReplica() throws Exception {
            LinkRecord link = link(LONG);
            await(store.create(link, 10));
            assertTrue(await(other.claim(link.id())).claimed());
            CompletableFuture<Optional<LinkRecord>> waiting = store.awaitSettled(link.id(), LONG).toCompletableFuture();
            CompletableFuture<Optional<LinkRecord>> second = store.awaitSettled(link.id(), LONG).toCompletableFuture();
            Thread.sleep(200);
            assertFalse(waiting.isDone(), "an opened link waits for its outcome");
            long settledAt = System.nanoTime();
            await(other.settle(link.id(), LinkStatus.SUCCEEDED, "{\"session\":\"s3cret\"}"));
            LinkRecord settled = waiting.get(2, TimeUnit.SECONDS).orElseThrow();
            assertTrue(System.nanoTime() - settledAt < 2_000_000_000L);
            assertEquals(LinkStatus.SUCCEEDED, settled.status());
            assertEquals("{\"session\":\"s3cret\"}", settled.outcome());
            assertEquals(Optional.of(settled), second.get(2, TimeUnit.SECONDS));
            assertFalse(settled.toString().contains("s3cret"));
        }

        @Test
        void aWaitOnASettledOrUnknownLinkAnswersAtOnce() throws Exception {
            LinkRecord link = link(LONG);
            await(store.create(link, 10));
            await(store.settle(link.id(), LinkStatus.FAILED, "{\"error\":\"denied\"}"));
            assertEquals(LinkStatus.FAILED,
                    other.awaitSettled(link.id(), LONG).toCompletableFuture().get(1, TimeUnit.SECONDS)
                            .orElseThrow().status());
            assertEquals(Optional.empty(),
                    other.awaitSettled("no-such-link", LONG).toCompletableFuture().get(1, TimeUnit.SECONDS));
        }

        @Test
        void anUnsettledLinkIsAnsweredAsItStandsAfterTheWait() throws Exception {
            LinkRecord link = link(LONG);
            await(store.create(link, 10));
            assertTrue(await(store.claim(link.id())).claimed());
            long start = System.nanoTime();
            LinkRecord standing = await(other.awaitSettled(link.id(), Duration.ofMillis(300))).orElseThrow();
            long took = (System.nanoTime() - start) / 1_000_000;
            assertEquals(LinkStatus.OPENED, standing.status());
            assertTrue(took >= 250 && took < 2_000, "waited " + took + " ms");
        }

        @Test
        void aPendingLinksWaitEndsAtItsExpiry() throws Exception {
            LinkRecord link = link(Duration.ofMillis(400));
            await(store.create(link, 10));
            long start = System.nanoTime();
            LinkRecord standing = await(other.awaitSettled(link.id(), LONG)).orElseThrow();
            long took = (System.nanoTime() - start) / 1_000_000;
            assertEquals(LinkStatus.EXPIRED, standing.status());
            assertTrue(took >= 300 && took < 2_000, "waited " + took + " ms");
        }

        @Test
        void aSecondSettleChangesNothing() throws Exception {
            LinkRecord link = link(LONG);
            await(store.create(link, 10));
            assertTrue(await(store.claim(link.id())).claimed());
            await(store.settle(link.id(), LinkStatus.SUCCEEDED, "{\"first\":true}"));
            await(other.settle(link.id(), LinkStatus.FAILED, "{\"second\":true}"));
            LinkRecord settled = await(other.get(link.id())).orElseThrow();
            assertEquals(LinkStatus.SUCCEEDED, settled.status());
            assertEquals("{\"first\":true}", settled.outcome());
        }

        @Test
        void recordsGoOnceRetentionHasPassed() throws Exception {
            LinkRecord settled = link(TTL);
            LinkRecord untouched = link(TTL);
            await(store.create(settled, 10));
            await(store.create(untouched, 10));
            assertTrue(await(store.claim(settled.id())).claimed());
            await(store.settle(settled.id(), LinkStatus.SUCCEEDED, "{}"));
            sleepPast(settled.expiresAt().plusMillis(100));
            assertEquals(LinkStatus.SUCCEEDED, await(other.get(settled.id())).orElseThrow().status(),
                    "a late poll still reads the outcome");
            assertEquals(LinkStatus.EXPIRED, await(other.get(untouched.id())).orElseThrow().status());
            sleepPast(settled.expiresAt().plus(RETENTION).plusMillis(300));
            assertEquals(Optional.empty(), await(store.get(settled.id())));
            assertEquals(Optional.empty(), await(store.get(untouched.id())));
        }

        @Test
        void closingAnswersItsWaiters() throws Exception {
            LinkStore closing = replica();
            LinkRecord link = link(LONG);
            await(closing.create(link, 10));
            CompletableFuture<Optional<LinkRecord>> waiting = closing.awaitSettled(link.id(), LONG).toCompletableFuture();
            Thread.sleep(200);
            closing.close();
            assertEquals(Optional.empty(), waiting.get(2, TimeUnit.SECONDS));
        }
    }

    @Nested
    class InMemory extends Contract {
        @Override
        LinkStore replica() {
            return keep(new InMemoryLinkStore(timers, CLOCK, TTL, RETENTION));
        }

        @Override
        LinkStore otherReplica() {
            return store;
        }
    }

    @Nested
    class Redis extends Contract {
        @BeforeEach
        void emptyRedis() {
            keys.sync().flushall();
        }

        @Override
        LinkStore replica() {
            return keep(new RedisLinkStore(RedisLocation.parse(redis.uri()), work, timers, CLOCK, RETENTION));
        }

        @Override
        LinkStore otherReplica() {
            return replica();
        }

        @Test
        void theKeysExpireByThemselves() throws Exception {
            LinkRecord link = link(Duration.ofSeconds(5));
            await(store.create(link, 10));
            long record = keys.sync().pttl("altscodex:{links}:link:" + link.id());
            long code = keys.sync().pttl("altscodex:{links}:code:" + link.userCode());
            assertTrue(record > 5_000 && record <= 5_500, "the link's time plus retention: " + record);
            assertTrue(code > 4_000 && code <= 5_000, "the link's time: " + code);
            assertTrue(await(store.claim(link.id())).claimed());
            assertEquals(0, keys.sync().exists("altscodex:{links}:code:" + link.userCode()), "the code goes when opened");
            long kept = keys.sync().pttl("altscodex:{links}:link:" + link.id());
            assertTrue(kept > 4_000 && kept <= record, "claiming keeps the expiry: " + kept);
            await(store.settle(link.id(), LinkStatus.SUCCEEDED, "{}"));
            assertTrue(keys.sync().pttl("altscodex:{links}:link:" + link.id()) > 4_000, "so does settling");
            assertEquals(0, keys.sync().zcard("altscodex:{links}:open"));
        }

        @Test
        void anUnreachableRedisFailsTheStage() throws Exception {
            LinkStore away = keep(new RedisLinkStore(
                    RedisLocation.parse("redis://127.0.0.1:" + FreePorts.pick() + "/0"), work, timers, CLOCK, RETENTION));
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> away.get("any").toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertInstanceOf(StoreUnavailableException.class, e.getCause());
        }
    }

    /** The same contract on a Redis Cluster: every script's keys share the {links} hash tag, so one slot. */
    @Nested
    @org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
    class Cluster extends Contract {
        private LocalCluster cluster;

        @BeforeAll
        void startCluster() throws Exception {
            cluster = LocalCluster.start();
        }

        @AfterAll
        void stopCluster() {
            cluster.close();
        }

        @BeforeEach
        void emptyCluster() throws Exception {
            cluster.flushAll();
        }

        @Override
        LinkStore replica() {
            return keep(new RedisLinkStore(RedisLocation.parse(cluster.uri(), true), work, timers, CLOCK, RETENTION));
        }

        @Override
        LinkStore otherReplica() {
            return replica();
        }
    }

    static LinkRecord link(Duration ttl) {
        // Redis keeps millis: so does the record, to compare it whole
        Instant expiresAt = Instant.ofEpochMilli(CLOCK.millis() + ttl.toMillis());
        return new LinkRecord(UUID.randomUUID().toString(), "alice", "CODE-" + CODES.incrementAndGet(),
                "https://caller.example/hook", expiresAt, LinkStatus.PENDING, null);
    }

    static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static void sleepPast(Instant when) throws InterruptedException {
        long millis = Duration.between(CLOCK.instant(), when).toMillis() + 20;
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
