package com.altscodex.jakarta;

import com.altscodex.jakarta.metrics.LoginObserver;
import com.altscodex.jakarta.pending.CallbackMatch;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the backend reported, for tests to assert on. */
public final class RecordingObserver implements LoginObserver {
    public final List<String> outcomes = new CopyOnWriteArrayList<>();
    public final List<CallbackMatch> callbacks = new CopyOnWriteArrayList<>();
    public final List<String> upstreamCalls = new CopyOnWriteArrayList<>();

    @Override
    public void loginFinished(String outcome, Duration took) {
        outcomes.add(outcome);
    }

    @Override
    public void callbackReceived(CallbackMatch match) {
        callbacks.add(match);
    }

    @Override
    public void upstreamCall(String endpoint, int status) {
        upstreamCalls.add(endpoint + " " + status);
    }
}
