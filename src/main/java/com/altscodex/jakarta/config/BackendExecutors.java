package com.altscodex.jakarta.config;

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
 * invocation context, and with it the whole request, alive for the full authorize timeout. The
 * backend owns its pools and shuts them down with itself.
 */
public record BackendExecutors(ExecutorService work, ScheduledExecutorService timers) {
    /** The most DeOAuth calls in flight at once. */
    public static final int WORK_THREADS = 64;

    /** @return pools on plain daemon threads, for use outside a container */
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
        return new BackendExecutors(work, timers);
    }

    /** Stops both pools; the backend that owns them calls this at its own shutdown. */
    public void shutdown() {
        work.shutdown();
        timers.shutdownNow();
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
