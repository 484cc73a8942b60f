package com.altscodex.jakarta.guard;

import java.util.concurrent.CompletionStage;

/**
 * A token bucket of failed attempts per client: each may fail {@code burst} times from a full
 * budget, and regains {@code failuresPerMinute} a minute. In this process, or in Redis so every
 * replica counts the same failures.
 *
 * <p>A failure is counted even past the budget's end (it goes below zero, at most an hour's refill
 * deep): failures that arrive together, each let through before the others were counted, then cost
 * their time all the same.
 */
interface FailureBudgets extends AutoCloseable {

    /** What a {@link #take} does. */
    enum Mode {
        /** Only looks whether the client may go on. */
        LOOK,
        /** Counts a failure that happened, whatever the budget holds. */
        FAIL,
        /** Looks, and counts a failure only if the client may go on. */
        TRY_FAIL
    }

    CompletionStage<Taken> take(String client, Mode mode);

    /** How many clients have a budget that is not full, where this process keeps them; -1 for a shared store. */
    int tracked();

    @Override
    void close();

    /**
     * @param waitMillis 0 when the client may go on (or a failure was counted); else how long until
     *                   its budget holds one again
     * @param emptied whether this take used the last of the budget
     */
    record Taken(long waitMillis, boolean emptied) {
        static final Taken ALLOWED = new Taken(0, false);

        boolean refused() {
            return waitMillis > 0;
        }
    }
}
