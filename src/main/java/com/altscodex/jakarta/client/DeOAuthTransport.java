package com.altscodex.jakarta.client;

import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Sends one call to the DeOAuth server off the caller's thread and reads its answer. A stage that
 * fails with {@link UpstreamOutageException} means the server is failing; any answer below 500
 * completes it.
 */
public interface DeOAuthTransport {

    CompletionStage<WireAnswer> send(String endpoint, Supplier<Response> call);
}
