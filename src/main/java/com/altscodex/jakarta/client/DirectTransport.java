package com.altscodex.jakarta.client;

import com.altscodex.jakarta.metrics.LoginObserver;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** The transport without fault tolerance: outside a container, and inside {@link GuardedTransport}. */
public final class DirectTransport implements DeOAuthTransport {
    private final LoginObserver observer;

    public DirectTransport(LoginObserver observer) {
        this.observer = observer;
    }

    @Override
    public CompletionStage<WireAnswer> send(String endpoint, Supplier<CompletionStage<Response>> call) {
        CompletionStage<Response> sent;
        try {
            sent = call.get();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((response, failure) -> {
            if (failure != null) {
                observer.upstreamCall(endpoint, 0);
                throw new UpstreamOutageException(endpoint, null, kind(failure));
            }
            WireAnswer answer;
            try (response) {
                String body = response.hasEntity() ? response.readEntity(String.class) : null;
                answer = new WireAnswer(response.getStatus(), WireJson.object(body));
            }
            observer.upstreamCall(endpoint, answer.status());
            if (answer.status() >= 500) {
                throw new UpstreamOutageException(endpoint, answer, null);
            }
            return answer;
        });
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
