package com.altscodex.jakarta.client;

import com.altscodex.jakarta.metrics.LoginObserver;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** The transport without fault tolerance, for use outside a container; it also reads for {@link DeOAuthCircuit}. */
public final class DirectTransport implements DeOAuthTransport {
    private final LoginObserver observer;
    private final Executor executor;

    public DirectTransport(LoginObserver observer, Executor executor) {
        this.observer = observer;
        this.executor = executor;
    }

    @Override
    public CompletionStage<WireAnswer> send(String endpoint, Supplier<Response> call) {
        return CompletableFuture.supplyAsync(() -> exchange(endpoint, call), executor);
    }

    /** Makes the call in this thread: its answer, or {@link UpstreamOutageException}. */
    WireAnswer exchange(String endpoint, Supplier<Response> call) {
        WireAnswer answer;
        try (Response response = call.get()) {
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            answer = new WireAnswer(response.getStatus(), WireJson.object(body));
        } catch (RuntimeException failure) {
            observer.upstreamCall(endpoint, 0);
            throw new UpstreamOutageException(endpoint, null, kind(failure));
        }
        observer.upstreamCall(endpoint, answer.status());
        if (answer.status() >= 500) {
            throw new UpstreamOutageException(endpoint, answer, null);
        }
        return answer;
    }

    /** The kind of transport failure, never its message: messages may quote URLs or headers. */
    static String kind(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause.getClass().getName().endsWith("ProcessingException"))
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
