package com.altscodex.jakarta.client;

import com.altscodex.jakarta.config.BackendExecutors;
import com.altscodex.jakarta.config.CircuitSettings;
import com.altscodex.jakarta.error.UpstreamUnavailableException;
import com.altscodex.jakarta.metrics.LoginObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The transport in a container: each call through {@link DeOAuthCircuit}, on a thread of the
 * backend's work pool (made by the container's managed thread factory). An open circuit refuses
 * on the caller's thread, before any hand-off. Not on the managed executor: Payara's hands a task
 * to a new thread or rejects it (no queue), so a burst of logins with 200 calls in flight failed
 * 502, and it scans the class path to capture context on every task.
 */
@ApplicationScoped
public class GuardedTransport implements DeOAuthTransport {
    private DeOAuthCircuit circuit;
    private BackendExecutors executors;

    protected GuardedTransport() {
    }

    @Inject
    public GuardedTransport(CircuitSettings settings, LoginObserver observer, BackendExecutors executors) {
        this.circuit = new DeOAuthCircuit(settings, new DirectTransport(observer, Runnable::run), System::nanoTime);
        this.executors = executors;
    }

    @Override
    public CompletionStage<WireAnswer> send(String endpoint, Supplier<Response> call) {
        long permit = DeOAuthClient.GET_TOKEN.equals(endpoint) ? circuit.permitExchange() : circuit.permit();
        if (permit == CircuitBreaker.REFUSED) {
            return CompletableFuture.failedFuture(new UpstreamUnavailableException());
        }
        return CompletableFuture.supplyAsync(() -> circuit.send(permit, endpoint, call), executors.work());
    }
}
