package com.altscodex.jakarta.client;

import com.altscodex.jakarta.BackendExecutors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** The transport in a container: each call on a managed thread, through {@link DeOAuthCircuit}. */
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
