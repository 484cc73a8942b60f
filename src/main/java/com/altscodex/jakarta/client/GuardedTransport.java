package com.altscodex.jakarta.client;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
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

    @Resource
    ManagedExecutorService executor;

    @Override
    public CompletionStage<WireAnswer> send(String endpoint, Supplier<Response> call) {
        return CompletableFuture.supplyAsync(() -> circuit.send(endpoint, call), executor);
    }
}
