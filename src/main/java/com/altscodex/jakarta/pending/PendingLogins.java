package com.altscodex.jakarta.pending;

import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.wire.SlotInfo;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The logins that wait for their callback, keyed by state. Each settles exactly once (slot,
 * failure, timeout, shutdown or the caller's cancel) and leaves the store when it does.
 *
 * <p>{@link #claim} is apart from settling so that a repeated callback cannot start a second code
 * exchange while the first one is still running.
 */
public interface PendingLogins extends AutoCloseable {

    /**
     * Registers a login before anything is sent for it. Its result fails with a timeout when no
     * one settles it in time, and with a shutdown once {@link #failAll} has run.
     */
    Registration register(String state, Duration timeout);

    /** {@link CallbackMatch#MATCHED} for exactly one caller per waiting state. */
    CompletionStage<CallbackMatch> claim(String state);

    /** Settles the login with its slot; false when it was already settled or never existed. */
    boolean complete(String state, SlotInfo slot);

    /** Settles the login with a failure; false when it was already settled or never existed. */
    boolean fail(String state, AltsCodexException failure);

    /**
     * Settles every login waiting here with the failure before it returns (in the calling thread,
     * and for many logins in helper threads it joins), and refuses new registrations from now on.
     * Returns how many were waiting.
     */
    int failAll(AltsCodexException failure);

    /** How many logins wait here now. */
    int size();

    /** False while the store cannot be reached (a shared store); logins then fail at once. */
    default boolean available() {
        return true;
    }

    @Override
    default void close() {
    }
}
