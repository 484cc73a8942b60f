package com.altscodex.jakarta.metrics;

import com.altscodex.jakarta.pending.CallbackMatch;
import java.time.Duration;

/** What the backend tells the outside about its work; the metrics adapter (operations) feeds it to the server's metrics. */
public interface LoginObserver {

    /** A login settled with this outcome code ({@code SUCCESS}, or an {@code ErrorCode} name). */
    void loginFinished(String outcome, Duration took);

    /** A callback arrived and found this in the store. */
    void callbackReceived(CallbackMatch match);

    /** A call to the DeOAuth server ended: its HTTP status, or 0 when there was no answer. */
    void upstreamCall(String endpoint, int status);

    LoginObserver NONE = new LoginObserver() {
        @Override
        public void loginFinished(String outcome, Duration took) {
        }

        @Override
        public void callbackReceived(CallbackMatch match) {
        }

        @Override
        public void upstreamCall(String endpoint, int status) {
        }
    };
}
