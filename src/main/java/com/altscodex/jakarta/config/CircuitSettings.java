package com.altscodex.jakarta.config;

import java.time.Duration;

/**
 * The circuit breaker in front of the DeOAuth server. It keeps MicroProfile Fault Tolerance's
 * keys and meaning, from when the breaker was Fault Tolerance's:
 * {@code com.altscodex.jakarta.client.DeOAuthCircuit/send/CircuitBreaker/<parameter>}.
 *
 * @param enabled false lets every call through and opens nothing
 * @param requestVolume how many of the latest calls the failure ratio is taken over
 * @param failureRatio the share of outages among them that opens the circuit
 * @param delay how long it stays open before a trial call may go through
 * @param successThreshold how many trial calls in a row must work to close it again
 */
public record CircuitSettings(boolean enabled, int requestVolume, double failureRatio, Duration delay,
        int successThreshold) {
    public static final CircuitSettings DEFAULTS = new CircuitSettings(true, 20, 0.5, Duration.ofSeconds(5), 1);

    public CircuitSettings {
        if (requestVolume < 1 || successThreshold < 1 || !(failureRatio >= 0 && failureRatio <= 1)
                || delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("a circuit needs a volume and a success threshold of at least 1,"
                    + " a failure ratio from 0 to 1 and a delay that is not negative");
        }
    }

    /** How many outages among the last {@link #requestVolume} calls open the circuit. */
    public int failuresToOpen() {
        return (int) Math.ceil(failureRatio * requestVolume);
    }
}
