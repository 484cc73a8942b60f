package com.altscodex.jakarta.client;

import com.altscodex.jakarta.config.CircuitSettings;
import jakarta.ws.rs.core.Response;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One circuit breaker watches every DeOAuth call of the server: after repeated outages (no
 * answer, 5xx, timeouts) logins fail at once with UPSTREAM_UNAVAILABLE instead of piling up.
 * Answers (4xx, {@code success:false}) never count, and nothing is retried: an expired JWT or a
 * bad secret is not cured by asking again, and a code is single-use.
 *
 * <p>The breaker is the module's own ({@link CircuitBreaker}), no longer a Fault Tolerance
 * {@code @CircuitBreaker} on a bean method: the interceptor cost a login 0.08 ms of CPU on Payara,
 * six percent (docs/performance.md), and a breaker per client cannot be an annotation. Its
 * settings keep Fault Tolerance's keys, named after this class and its former method
 * ({@link com.altscodex.jakarta.config.SettingsReader#circuit}).
 */
final class DeOAuthCircuit {
    private final DirectTransport reader;
    private final CircuitBreaker breaker;

    DeOAuthCircuit(CircuitSettings settings, DirectTransport reader, LongSupplier nanoTime) {
        this.reader = reader;
        this.breaker = new CircuitBreaker(settings, nanoTime);
    }

    /** A permit for one call, or {@link CircuitBreaker#REFUSED} while the circuit is open. */
    long permit() {
        return breaker.permit();
    }

    /** A permit for a code exchange ({@link CircuitBreaker#permitExchange()}). */
    long permitExchange() {
        return breaker.permitExchange();
    }

    /** Makes the call in this thread with a permit of {@link #permit()}, and counts its outcome. */
    WireAnswer send(long permit, String endpoint, Supplier<Response> call) {
        boolean outage = true;
        try {
            WireAnswer answer = reader.exchange(endpoint, call);
            outage = false;
            return answer;
        } finally {
            breaker.completed(permit, outage);
        }
    }
}
