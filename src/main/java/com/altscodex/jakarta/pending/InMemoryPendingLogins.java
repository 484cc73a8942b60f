package com.altscodex.jakarta.pending;

import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.CallbackTimeoutException;
import com.altscodex.jakarta.error.ShutdownException;
import com.altscodex.jakarta.wire.SlotInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The waiting logins of one process. No thread waits per login: a deadline is a task on the one
 * shared scheduler, cancelled when the login settles.
 */
public final class InMemoryPendingLogins implements PendingLogins {

    private static final class Entry {
        final CompletableFuture<SlotInfo> future = new CompletableFuture<>();
        final AtomicBoolean claimed = new AtomicBoolean();
        volatile Future<?> deadline;
    }

    private static final int REMEMBERED_SETTLED = 4096;
    private static final int DRAIN_THREADS = Runtime.getRuntime().availableProcessors();
    /** Below this many logins per thread, a drain thread costs more than it saves. */
    private static final int MIN_DRAIN_SLICE = 256;
    private static final CompletionStage<Void> RECORDED = CompletableFuture.completedStage(null);

    private final Map<String, Entry> waiting = new ConcurrentHashMap<>();
    /** Recently settled states, so a late callback is told from an unknown one (metrics only). */
    private final Map<String, Boolean> settled = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_SETTLED;
        }
    });
    private final ScheduledExecutorService scheduler;
    private volatile boolean closed;

    public InMemoryPendingLogins(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Registration register(String state, Duration timeout) {
        Entry entry = new Entry();
        if (waiting.putIfAbsent(state, entry) != null) {
            throw new IllegalStateException("state registered twice");
        }
        // whoever settles the future, by any path, takes the entry out: recorded as settled first,
        // so a callback that finds no entry finds the state there (a late callback, not an unknown one)
        entry.future.whenComplete((slot, failure) -> {
            settled.put(state, Boolean.TRUE);
            waiting.remove(state, entry);
            Future<?> deadline = entry.deadline;
            if (deadline != null) {
                deadline.cancel(false);
            }
        });
        if (closed) {
            // failAll may have run between our check and our put: settle it ourselves
            fail(state, new ShutdownException());
            return new Registration(entry.future, RECORDED);
        }
        entry.deadline = scheduler.schedule(() -> fail(state, new CallbackTimeoutException(timeout)),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (entry.future.isDone()) {
            entry.deadline.cancel(false);
        }
        return new Registration(entry.future, RECORDED);
    }

    @Override
    public CompletionStage<CallbackMatch> claim(String state) {
        return CompletableFuture.completedStage(match(state));
    }

    private CallbackMatch match(String state) {
        Entry entry = waiting.get(state);
        if (entry != null && entry.future.isDone()) {
            return CallbackMatch.LATE;
        }
        if (entry == null) {
            return settled.containsKey(state) ? CallbackMatch.LATE : CallbackMatch.UNKNOWN;
        }
        return entry.claimed.compareAndSet(false, true) ? CallbackMatch.MATCHED : CallbackMatch.DUPLICATE;
    }

    @Override
    public boolean complete(String state, SlotInfo slot) {
        Entry entry = settle(state);
        return entry != null && entry.future.complete(slot);
    }

    @Override
    public boolean fail(String state, AltsCodexException failure) {
        Entry entry = settle(state);
        return entry != null && entry.future.completeExceptionally(failure);
    }

    /**
     * Takes the login out before its answer goes, so whoever hears the answer finds it gone; and
     * records it as settled before that, so a callback that finds no entry is a late one.
     */
    private Entry settle(String state) {
        Entry entry = waiting.get(state);
        if (entry != null) {
            settled.put(state, Boolean.TRUE);
            waiting.remove(state, entry);
        }
        return entry;
    }

    @Override
    public int failAll(AltsCodexException failure) {
        closed = true;
        List<String> states = new ArrayList<>(waiting.keySet());
        int slices = Math.min(DRAIN_THREADS, Math.max(1, states.size() / MIN_DRAIN_SLICE));
        AtomicInteger settled = new AtomicInteger();
        // each failure writes its login's answer in the failing thread, and the server closes the
        // connections once we return: one slice per core spreads the writing over the cores, and all
        // are joined before we return. Plain threads, because at shutdown the managed executors may
        // refuse work.
        List<Thread> helpers = new ArrayList<>();
        for (int slice = 1; slice < slices; slice++) {
            List<String> part = slice(states, slice, slices);
            Thread helper = new Thread(() -> failEach(part, failure, settled), "altscodex-drain-" + slice);
            helper.start();
            helpers.add(helper);
        }
        failEach(slice(states, 0, slices), failure, settled);
        for (Thread helper : helpers) {
            joinUninterruptibly(helper);
        }
        return settled.get();
    }

    private void failEach(List<String> states, AltsCodexException failure, AtomicInteger settled) {
        // a dependent that throws cannot stop the loop: CompletableFuture keeps its exception
        for (String state : states) {
            if (fail(state, failure)) {
                settled.incrementAndGet();
            }
        }
    }

    private static List<String> slice(List<String> states, int slice, int slices) {
        int size = states.size();
        return states.subList(size * slice / slices, size * (slice + 1) / slices);
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the login still waits here (not settled yet). */
    /** The states still waiting, as of now. */
    java.util.List<String> waitingStates() {
        return java.util.List.copyOf(waiting.keySet());
    }

    boolean isWaiting(String state) {
        Entry entry = waiting.get(state);
        return entry != null && !entry.future.isDone();
    }

    @Override
    public int size() {
        return waiting.size();
    }
}
