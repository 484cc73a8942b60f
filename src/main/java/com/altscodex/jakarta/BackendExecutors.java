package com.altscodex.jakarta;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the backend runs its work: {@code work} carries the DeOAuth calls and their completions,
 * {@code timers} the login deadlines. In a server both are pools of our own on the container's
 * managed thread factory ({@link #ownPools}); {@link #standalone()} makes them on plain daemon
 * threads for use outside a container.
 *
 * <p>Not the container's managed executors: Payara captures the submitter's whole context on every
 * task (scanning the application's class path for context providers each time), and a deadline
 * task, cancelled but kept in the queue until it would have fired, kept its login request's
 * invocation context, and with it the whole request, alive for the full authorize timeout.
 *
 * @param owned true when the backend made them and must shut them down
 */
public record BackendExecutors(ExecutorService work, ScheduledExecutorService timers, boolean owned) {
    static final int WORK_THREADS = 64;

    /**
     * Executors the caller owns and shuts down, e.g. a container's managed ones (on Payara, mind the
     * per-task cost above; {@link #ownPools} on its managed thread factory avoids it).
     */
    public static BackendExecutors managed(ExecutorService work, ScheduledExecutorService timers) {
        return new BackendExecutors(work, timers, false);
    }

    public static BackendExecutors standalone() {
        return ownPools(daemon("altscodex-work"), daemon("altscodex-timer"));
    }

    /**
     * A work pool of at most {@value #WORK_THREADS} threads (idle ones end after a minute) and one
     * timer thread, on these factories; the backend shuts them down.
     */
    public static BackendExecutors ownPools(ThreadFactory workThreads, ThreadFactory timerThreads) {
        // a DeOAuth call holds a work thread until its answer (the Rest Client's connector blocks):
        // enough threads for many calls in flight, but never one per waiting login
        ThreadPoolExecutor work = new ThreadPoolExecutor(WORK_THREADS, WORK_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), workThreads);
        work.allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, timerThreads);
        // a settled login cancels its deadline; do not keep the dead task until it would have fired
        timers.setRemoveOnCancelPolicy(true);
        return new BackendExecutors(work, timers, true);
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
