package com.altscodex.jakarta.client;

import com.altscodex.jakarta.metrics.LoginObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * Every DeOAuth call goes through this one method, so one circuit breaker watches the whole
 * server: after repeated outages (no answer, 5xx, timeouts) logins fail at once with
 * UPSTREAM_UNAVAILABLE instead of piling up. Answers (4xx, {@code success:false}) return
 * normally and never count, and nothing is retried: an expired JWT or a bad secret is not cured
 * by asking again, and a code is single-use.
 *
 * <p>No {@code @Timeout}: the client's connect and read timeouts ({@code altscodex.http-timeout})
 * already bound every call, and on Payara each {@code @Timeout} scheduled a task on a managed
 * executor that captures context, a tenth of a login's CPU (docs/performance.md).
 *
 * <p>Tune it with MicroProfile Config, e.g.
 * {@code com.altscodex.jakarta.client.DeOAuthCircuit/send/CircuitBreaker/delay=10} (environment:
 * {@code COM_ALTSCODEX_JAKARTA_CLIENT_DEOAUTHCIRCUIT_SEND_…}). A value keeps the annotation's unit,
 * seconds, unless {@code …/delayUnit} is set as well.
 */
@ApplicationScoped
public class DeOAuthCircuit {
    private DirectTransport reader;

    protected DeOAuthCircuit() {
    }

    @Inject
    public DeOAuthCircuit(LoginObserver observer) {
        this.reader = new DirectTransport(observer, Runnable::run);
    }

    /** Blocks this (managed) thread for one call; {@link GuardedTransport} never calls it on a request thread. */
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1)
    public WireAnswer send(String endpoint, Supplier<Response> call) {
        return reader.exchange(endpoint, call);
    }
}
