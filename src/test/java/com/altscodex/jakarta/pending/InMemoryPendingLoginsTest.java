package com.altscodex.jakarta.pending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.error.CallbackRejectedException;
import com.altscodex.jakarta.error.CallbackTimeoutException;
import com.altscodex.jakarta.error.ShutdownException;
import com.altscodex.jakarta.wire.SlotInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemoryPendingLoginsTest {
    private static final SlotInfo SLOT = new SlotInfo("id", "token", "0x1", "nick", 1, "code");
    private static final Duration LONG = Duration.ofMinutes(1);

    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
    private final InMemoryPendingLogins pending = new InMemoryPendingLogins(timers);

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    private static Throwable failureOf(CompletableFuture<SlotInfo> login) {
        return assertThrows(ExecutionException.class, () -> login.get(5, TimeUnit.SECONDS)).getCause();
    }

    @Test
    void aLoginSettlesOnceAndLeaves() throws Exception {
        CompletableFuture<SlotInfo> login = pending.register("s1", LONG).result();
        assertEquals(1, pending.size());
        assertTrue(pending.complete("s1", SLOT));
        assertFalse(pending.complete("s1", SLOT));
        assertFalse(pending.fail("s1", new CallbackRejectedException(null)));
        assertSame(SLOT, login.get());
        assertEquals(0, pending.size());
    }

    private CallbackMatch claim(String state) {
        return pending.claim(state).toCompletableFuture().join();
    }

    @Test
    void aStateIsMatchedOnceThenDuplicateThenLateAndOthersAreUnknown() {
        pending.register("s1", LONG);
        assertEquals(CallbackMatch.UNKNOWN, claim("unknown"));
        assertEquals(CallbackMatch.MATCHED, claim("s1"));
        assertEquals(CallbackMatch.DUPLICATE, claim("s1"));
        assertEquals(1, pending.size(), "a claim does not settle");
        pending.complete("s1", SLOT);
        assertEquals(CallbackMatch.LATE, claim("s1"));
    }

    @Test
    void registrationInMemoryIsRecordedAtOnce() {
        assertTrue(pending.register("s1", LONG).recorded().toCompletableFuture().isDone());
    }

    @Test
    void claimRacesHaveExactlyOneWinner() throws Exception {
        pending.register("s1", LONG);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        AtomicInteger winners = new AtomicInteger();
        List<CompletableFuture<Void>> racers = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            racers.add(CompletableFuture.runAsync(() -> {
                if (claim("s1") == CallbackMatch.MATCHED) {
                    winners.incrementAndGet();
                }
            }, threads));
        }
        CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        threads.shutdown();
        assertEquals(1, winners.get());
    }

    @Test
    void theDeadlineFailsTheLoginAndRemovesIt() {
        CompletableFuture<SlotInfo> login = pending.register("s1", Duration.ofMillis(50)).result();
        assertInstanceOf(CallbackTimeoutException.class, failureOf(login));
        assertEquals(0, pending.size());
        assertEquals(CallbackMatch.LATE, claim("s1"), "a late callback settles nothing");
    }

    @Test
    void settlingCancelsTheDeadline() {
        timers.setRemoveOnCancelPolicy(true);
        for (int i = 0; i < 100; i++) {
            pending.register("s" + i, LONG);
            pending.complete("s" + i, SLOT);
        }
        assertEquals(0, timers.getQueue().size(), "no deadline outlives its login");
    }

    @Test
    void failAllOfAFewAnswersThemInTheCallingThreadAndRefusesNewOnes() {
        List<CompletableFuture<SlotInfo>> logins = new ArrayList<>();
        Set<String> answeringThreads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 50; i++) {
            CompletableFuture<SlotInfo> login = pending.register("s" + i, LONG).result();
            login.whenComplete((slot, failure) -> answeringThreads.add(Thread.currentThread().getName()));
            logins.add(login);
        }
        assertEquals(50, pending.failAll(new ShutdownException()));
        assertEquals(Set.of(Thread.currentThread().getName()), answeringThreads);
        for (CompletableFuture<SlotInfo> login : logins) {
            assertTrue(login.isDone());
            assertInstanceOf(ShutdownException.class, failureOf(login));
        }
        assertInstanceOf(ShutdownException.class, failureOf(pending.register("late", LONG).result()));
        assertEquals(0, pending.size());
    }

    @Test
    void failAllAnswersManyLoginsOnSeveralThreadsBeforeItReturns() {
        int count = 5_000;
        List<CompletableFuture<SlotInfo>> logins = new ArrayList<>();
        Set<String> answeringThreads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < count; i++) {
            CompletableFuture<SlotInfo> login = pending.register("s" + i, LONG).result();
            login.whenComplete((slot, failure) -> answeringThreads.add(Thread.currentThread().getName()));
            logins.add(login);
        }
        assertEquals(count, pending.failAll(new ShutdownException()));
        for (CompletableFuture<SlotInfo> login : logins) {
            assertTrue(login.isDone(), "every login is answered before failAll returns");
            assertInstanceOf(ShutdownException.class, failureOf(login));
        }
        assertTrue(answeringThreads.contains(Thread.currentThread().getName()));
        assertEquals(Math.min(Runtime.getRuntime().availableProcessors(), count / 256), answeringThreads.size(),
                "one thread per core: " + answeringThreads);
        assertEquals(0, pending.size());
    }

    @Test
    void cancelByTheCallerRemovesTheEntry() {
        CompletableFuture<SlotInfo> login = pending.register("s1", LONG).result();
        login.cancel(false);
        assertEquals(0, pending.size());
    }

    @Test
    void aStateCannotBeRegisteredTwice() {
        pending.register("s1", LONG);
        assertThrows(IllegalStateException.class, () -> pending.register("s1", LONG));
    }
}
