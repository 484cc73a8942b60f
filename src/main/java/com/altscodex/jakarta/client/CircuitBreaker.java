package com.altscodex.jakarta.client;

import com.altscodex.jakarta.config.CircuitSettings;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * A circuit breaker with MicroProfile Fault Tolerance's rules: closed, it keeps the outcome of the
 * last {@code requestVolume} calls and opens when the outages among them reach the failure ratio;
 * open, it refuses every call for {@code delay}; then half-open, it lets {@code successThreshold}
 * trial calls through, closes when they all work and opens again at the first that fails.
 *
 * <p>A call asks for a permit before it is sent and reports its outcome with it; an outcome
 * whose permit was given before the circuit last changed state is not counted, so a slow call of
 * the closed period cannot close a circuit that has opened since. A half-open circuit lets a
 * code exchange through beyond its trials ({@link #permitExchange()}): the callback that brought
 * the code shows the server is back, the code is single-use, and the trial in flight is often that
 * login's own authorize, whose callback can come before its answer. The clock is injected, so tests
 * need no sleeps. Thread-safe; every method is a few field updates under one lock.
 */
final class CircuitBreaker {
    /** What {@link #permit()} gives when the call must not be sent. */
    static final long REFUSED = -1;

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final CircuitSettings settings;
    private final LongSupplier nanoTime;
    private final long delayNanos;
    private final int failuresToOpen;
    private final boolean[] outages;

    private State state = State.CLOSED;
    private long generation;
    private long openedAt;
    private int next;
    private int recorded;
    private int failures;
    private int trials;
    private int trialSuccesses;

    CircuitBreaker(CircuitSettings settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.delayNanos = settings.delay().toNanos();
        this.failuresToOpen = settings.failuresToOpen();
        this.outages = new boolean[settings.requestVolume()];
    }

    /** A permit to send one call, or {@link #REFUSED} while the circuit is open. */
    synchronized long permit() {
        if (!settings.enabled()) {
            return generation;
        }
        if (state == State.OPEN) {
            if (nanoTime.getAsLong() - openedAt < delayNanos) {
                return REFUSED;
            }
            enter(State.HALF_OPEN);
        }
        if (state == State.HALF_OPEN) {
            if (trials >= settings.successThreshold()) {
                return REFUSED;
            }
            trials++;
        }
        return generation;
    }

    /**
     * A permit for a code exchange: as {@link #permit()}, but a half-open circuit never refuses it
     * for want of trials. It counts as a trial: its failure opens the circuit again.
     */
    synchronized long permitExchange() {
        long permit = permit();
        if (permit == REFUSED && state == State.HALF_OPEN) {
            trials++;
            return generation;
        }
        return permit;
    }

    /** The outcome of a call sent with {@code permit}: {@code outage} for no answer or a 5xx. */
    synchronized void completed(long permit, boolean outage) {
        if (!settings.enabled() || permit != generation) {
            return;
        }
        if (state == State.HALF_OPEN) {
            if (outage) {
                enter(State.OPEN);
            } else if (++trialSuccesses >= settings.successThreshold()) {
                enter(State.CLOSED);
            }
        } else if (state == State.CLOSED) {
            if (recorded == outages.length && outages[next]) {
                failures--;
            }
            outages[next] = outage;
            next = (next + 1) % outages.length;
            recorded = Math.min(recorded + 1, outages.length);
            failures += outage ? 1 : 0;
            // checked after a success too: the window may fill with a call that worked
            if (recorded == outages.length && failures > 0 && failures >= failuresToOpen) {
                enter(State.OPEN);
            }
        }
    }

    synchronized State state() {
        return state;
    }

    private void enter(State to) {
        state = to;
        generation++;
        trials = 0;
        trialSuccesses = 0;
        if (to == State.OPEN) {
            openedAt = nanoTime.getAsLong();
        } else if (to == State.CLOSED) {
            next = 0;
            recorded = 0;
            failures = 0;
            Arrays.fill(outages, false);
        }
    }
}
