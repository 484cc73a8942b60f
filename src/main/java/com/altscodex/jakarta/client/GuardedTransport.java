package com.altscodex.jakarta.client;

import com.altscodex.jakarta.config.BackendExecutors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The transport in a container: each call on a thread of the backend's work pool (made by the
 * container's managed thread factory), through {@link DeOAuthCircuit}. Not on the managed executor:
 * Payara's hands a task to a new thread or rejects it (no queue), so a burst of logins with 200
 * calls in flight failed 502, and it scans the class path to capture context on every task.
 */
@ApplicationScoped
public class GuardedTransport implements DeOAuthTransport {

    @Inject
    DeOAuthCircuit circuit;

    @Inject
    BackendExecutors executors;

    @Override
    public CompletionStage<WireAnswer> send(String endpoint, Supplier<Response> call) {
        return CompletableFuture.supplyAsync(() -> circuit.send(endpoint, call), executors.work());
    }
}
