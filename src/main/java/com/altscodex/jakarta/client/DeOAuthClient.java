package com.altscodex.jakarta.client;

import com.altscodex.jakarta.config.ClientCredentials;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.AuthorizeFailedException;
import com.altscodex.jakarta.error.ExpiredTokenException;
import com.altscodex.jakarta.error.UpstreamHttpException;
import com.altscodex.jakarta.wire.SlotInfo;
import com.altscodex.jakarta.wire.TokenSet;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Speaks PROTOCOL.md to the DeOAuth server through {@link DeOAuthApi} and turns every answer into
 * a value or an {@link AltsCodexException}. Nothing here retries: a DeOAuth answer is final, and
 * an authorization code is single-use.
 */
public final class DeOAuthClient implements AutoCloseable {
    static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";
    static final String AUTHORIZE = "authorize";
    static final String GET_TOKEN = "get_token";
    static final String REFRESH = "refresh";
    static final String LOGOUT = "logout";

    private final DeOAuthApi api;
    private final DeOAuthTransport transport;
    private final ClientCredentials credentials;
    private final String basicAuthorization;
    private final String redirectUri;

    public DeOAuthClient(URI authServerUrl, ClientCredentials credentials, String redirectUri,
            Duration httpTimeout, DeOAuthTransport transport) {
        this.credentials = credentials;
        this.basicAuthorization = credentials.sign((id, secret) -> "Basic "
                + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        this.redirectUri = redirectUri;
        this.transport = transport;
        this.api = RestClientBuilder.newBuilder()
                .baseUri(authServerUrl)
                .connectTimeout(httpTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(httpTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .property(DISABLE_DEFAULT_MAPPER, Boolean.TRUE)
                .register(new CanonicalQuery())
                .register(new PlainStringParams())
                .build(DeOAuthApi.class);
    }

    /** Step 3: completes when the server accepted the JWT; the slot comes through the callback. */
    public CompletionStage<Void> authorize(String jwt, String state) {
        return send(AUTHORIZE, () -> api.authorize("Bearer " + jwt, credentials.clientId(), redirectUri, "code", state))
                .thenApply(answer -> {
                    JsonObject body = answer.json().orElse(null);
                    if (answer.ok() && body != null && WireJson.success(body)) {
                        return null;
                    }
                    throw authorizeRefused(answer);
                });
    }

    /** Step 5: exchanges the callback's single-use code for the slot. */
    public CompletionStage<SlotInfo> getToken(String code) {
        String body = WireJson.JSON.createObjectBuilder()
                .add("grant_type", "code")
                .add("code", code)
                .add("redirect_uri", redirectUri)
                .build().toString();
        return send(GET_TOKEN, () -> api.getToken(basicAuthorization, body))
                .thenApply(answer -> WireJson.slot(checked(GET_TOKEN, answer)).orElseThrow(() ->
                        new UpstreamHttpException(GET_TOKEN, answer.status(), "the answer holds no slot with an id")));
    }

    public CompletionStage<TokenSet> refresh(String refreshToken, String code) {
        String body = WireJson.JSON.createObjectBuilder()
                .add("refresh_token", refreshToken)
                .add("client_id", credentials.clientId())
                .add("client_secret", credentials.<String>sign((id, secret) -> secret))
                .add("redirect_uri", redirectUri)
                .add("code", code)
                .build().toString();
        return send(REFRESH, () -> api.refresh(body))
                .thenApply(answer -> {
                    JsonObject json = checked(REFRESH, answer);
                    return new TokenSet(WireJson.text(json, "access_token"),
                            WireJson.text(json, "refresh_token"), WireJson.text(json, "code"));
                });
    }

    public CompletionStage<Void> logout(String jwt) {
        return send(LOGOUT, () -> api.logout("Bearer " + jwt))
                .thenApply(answer -> {
                    if (!answer.ok()) {
                        throw new UpstreamHttpException(LOGOUT, answer.status(), null, serverCode(answer));
                    }
                    return null;
                });
    }

    @Override
    public void close() {
        api.close();
    }

    /** The transport's answer, or its failure as the endpoint's AltsCodexException. */
    private CompletionStage<WireAnswer> send(String endpoint, Supplier<Response> call) {
        CompletionStage<WireAnswer> answer;
        try {
            answer = transport.send(endpoint, call);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle((value, failure) -> {
            if (failure != null) {
                throw asAltsCodex(endpoint, failure);
            }
            return value;
        });
    }

    private static AltsCodexException asAltsCodex(String endpoint, Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof AltsCodexException e) {
            return e;
        }
        if (cause instanceof UpstreamOutageException outage && outage.answer() != null) {
            return AUTHORIZE.equals(endpoint) ? authorizeRefused(outage.answer())
                    : new UpstreamHttpException(endpoint, outage.answer().status(), null, serverCode(outage.answer()));
        }
        String why = cause instanceof UpstreamOutageException outage ? outage.failureKind()
                : DirectTransport.kind(cause);
        return AUTHORIZE.equals(endpoint) ? new AuthorizeFailedException(null, "no answer (" + why + ")")
                : new UpstreamHttpException(endpoint, 0, "no answer (" + why + ")");
    }

    private static AltsCodexException authorizeRefused(WireAnswer answer) {
        String code = serverCode(answer);
        if ("EXPIRED_TOKEN".equals(code)) {
            return new ExpiredTokenException();
        }
        return new AuthorizeFailedException(code,
                answer.ok() ? "the server did not answer success:true" : "HTTP " + answer.status());
    }

    /** A 2xx JSON object that does not say {@code success:false}, or the failure of {@code endpoint}. */
    private static JsonObject checked(String endpoint, WireAnswer answer) {
        if (!answer.ok()) {
            throw new UpstreamHttpException(endpoint, answer.status(), null, serverCode(answer));
        }
        JsonObject json = answer.json().orElseThrow(() ->
                new UpstreamHttpException(endpoint, answer.status(), "the answer is not a JSON object"));
        if (json.containsKey("success") && !WireJson.success(json)) {
            throw new UpstreamHttpException(endpoint, answer.status(), "the server answered success:false");
        }
        return json;
    }

    private static String serverCode(WireAnswer answer) {
        return answer.json().map(json -> WireJson.text(json, "code")).orElse(null);
    }
}
