package com.altscodex.jakarta;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the backend runs its work: {@code work} carries the DeOAuth calls and their completions,
 * {@code timers} the login deadlines. In a server both are the container's managed executors;
 * {@link #standalone()} makes private ones for use outside a container.
 *
 * @param owned true when the backend made them and must shut them down
 */
public record BackendExecutors(ExecutorService work, ScheduledExecutorService timers, boolean owned) {

    public static BackendExecutors managed(ExecutorService work, ScheduledExecutorService timers) {
        return new BackendExecutors(work, timers, false);
    }

    public static BackendExecutors standalone() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, daemon("altscodex-timer"));
        // a settled login cancels its deadline; do not keep the dead task until it would have fired
        timers.setRemoveOnCancelPolicy(true);
        return new BackendExecutors(Executors.newCachedThreadPool(daemon("altscodex-work")), timers, true);
    }

    void shutdownIfOwned() {
        if (owned) {
            work.shutdown();
            timers.shutdownNow();
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
