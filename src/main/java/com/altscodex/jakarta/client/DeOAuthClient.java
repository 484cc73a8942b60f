package com.altscodex.jakarta.client;

import com.altscodex.jakarta.SlotInfo;
import com.altscodex.jakarta.TokenSet;
import com.altscodex.jakarta.error.AuthorizeFailedException;
import com.altscodex.jakarta.error.ExpiredTokenException;
import com.altscodex.jakarta.error.UpstreamHttpException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Speaks PROTOCOL.md to the DeOAuth server through {@link DeOAuthApi} and turns every answer into
 * a value or an {@link com.altscodex.jakarta.error.AltsCodexException}. Nothing here retries: a
 * DeOAuth answer is final, and an authorization code is single-use.
 */
public final class DeOAuthClient implements AutoCloseable {
    static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

    private final DeOAuthApi api;
    private final ClientCredentials credentials;
    private final String redirectUri;

    public DeOAuthClient(URI authServerUrl, ClientCredentials credentials, String redirectUri,
            Duration httpTimeout, ExecutorService executor) {
        this.credentials = credentials;
        this.redirectUri = redirectUri;
        this.api = RestClientBuilder.newBuilder()
                .baseUri(authServerUrl)
                .executorService(executor)
                .connectTimeout(httpTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(httpTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .property(DISABLE_DEFAULT_MAPPER, Boolean.TRUE)
                .register(new CanonicalQuery())
                .build(DeOAuthApi.class);
    }

    /** Step 3: completes when the server accepted the JWT; the slot comes through the callback. */
    public CompletionStage<Void> authorize(String jwt, String state) {
        return send(() -> api.authorize("Bearer " + jwt, credentials.clientId(), redirectUri, "code", state))
                .handle((answer, error) -> {
                    if (error != null) {
                        throw new AuthorizeFailedException(null, "no answer (" + describe(error) + ")");
                    }
                    JsonObject body = answer.json().orElse(null);
                    if (answer.ok() && body != null && WireJson.success(body)) {
                        return null;
                    }
                    String code = body == null ? null : WireJson.text(body, "code");
                    if ("EXPIRED_TOKEN".equals(code)) {
                        throw new ExpiredTokenException();
                    }
                    throw new AuthorizeFailedException(code,
                            answer.ok() ? "the server did not answer success:true" : "HTTP " + answer.status());
                });
    }

    /** Step 5: exchanges the callback's single-use code for the slot. */
    public CompletionStage<SlotInfo> getToken(String code) {
        String body = WireJson.JSON.createObjectBuilder()
                .add("grant_type", "code")
                .add("code", code)
                .add("redirect_uri", redirectUri)
                .build().toString();
        return send(() -> api.getToken(credentials.basicAuthorization(), body))
                .handle((answer, error) -> {
                    JsonObject json = checked("get_token", answer, error);
                    return WireJson.slot(json).orElseThrow(() -> new UpstreamHttpException(
                            "get_token", answer.status(), "the answer holds no slot with an id"));
                });
    }

    public CompletionStage<TokenSet> refresh(String refreshToken, String code) {
        String body = WireJson.JSON.createObjectBuilder()
                .add("refresh_token", refreshToken)
                .add("client_id", credentials.clientId())
                .add("client_secret", credentials.secret())
                .add("redirect_uri", redirectUri)
                .add("code", code)
                .build().toString();
        return send(() -> api.refresh(body))
                .handle((answer, error) -> {
                    JsonObject json = checked("refresh", answer, error);
                    return new TokenSet(WireJson.text(json, "access_token"),
                            WireJson.text(json, "refresh_token"), WireJson.text(json, "code"));
                });
    }

    public CompletionStage<Void> logout(String jwt) {
        return send(() -> api.logout("Bearer " + jwt))
                .handle((answer, error) -> {
                    if (error != null) {
                        throw new UpstreamHttpException("logout", 0, "no answer (" + describe(error) + ")");
                    }
                    if (!answer.ok()) {
                        throw new UpstreamHttpException("logout", answer.status(), null);
                    }
                    return null;
                });
    }

    @Override
    public void close() {
        api.close();
    }

    /** A 2xx JSON object that does not say {@code success:false}, or the failure of {@code endpoint}. */
    private static JsonObject checked(String endpoint, Answer answer, Throwable error) {
        if (error != null) {
            throw new UpstreamHttpException(endpoint, 0, "no answer (" + describe(error) + ")");
        }
        if (!answer.ok()) {
            throw new UpstreamHttpException(endpoint, answer.status(), null);
        }
        JsonObject json = answer.json().orElseThrow(() ->
                new UpstreamHttpException(endpoint, answer.status(), "the answer is not a JSON object"));
        if (json.containsKey("success") && !WireJson.success(json)) {
            throw new UpstreamHttpException(endpoint, answer.status(), "the server answered success:false");
        }
        return json;
    }

    private record Answer(int status, Optional<JsonObject> json) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static CompletionStage<Answer> send(Supplier<CompletionStage<Response>> call) {
        CompletionStage<Response> sent;
        try {
            sent = call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sent.thenApply(response -> {
            try (response) {
                String body = response.hasEntity() ? response.readEntity(String.class) : null;
                return new Answer(response.getStatus(), WireJson.object(body));
            }
        });
    }

    /** The kind of transport failure, never its message: messages may quote URLs or headers. */
    private static String describe(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause.getClass().getName().endsWith("ProcessingException"))
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
