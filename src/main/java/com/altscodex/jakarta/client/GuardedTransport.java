package com.altscodex.jakarta.client;

import com.altscodex.jakarta.metrics.LoginObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Every DeOAuth call goes through this one method, so one circuit breaker watches the whole
 * server: after repeated outages (no answer, 5xx, timeouts) logins fail at once with
 * UPSTREAM_UNAVAILABLE instead of piling up. Answers (4xx, {@code success:false}) never count,
 * and nothing is retried: an expired JWT or a bad secret is not cured by asking again, and a code
 * is single-use.
 *
 * <p>Tune it with MicroProfile Config, e.g.
 * {@code com.altscodex.jakarta.client.GuardedTransport/send/CircuitBreaker/delay=10000} or
 * {@code …/send/Timeout/value=5000}.
 */
@ApplicationScoped
public class GuardedTransport implements DeOAuthTransport {
    private DirectTransport direct;

    protected GuardedTransport() {
    }

    @Inject
    public GuardedTransport(LoginObserver observer) {
        this.direct = new DirectTransport(observer);
    }

    @Override
    @Asynchronous
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, failOn = {UpstreamOutageException.class, TimeoutException.class})
    public CompletionStage<WireAnswer> send(String endpoint, Supplier<CompletionStage<Response>> call) {
        return direct.send(endpoint, call);
    }
}
