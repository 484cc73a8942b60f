package com.altscodex.jakarta.config;

import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The client id and secret issued by the Developer Center. The secret has no accessor: a
 * serializer, a debugger's view of the settings or a log of what a getter answers never meets it.
 * The DeOAuth client, the one reader, hands {@link #sign} what it builds from it (get_token's
 * Basic header, the refresh body); {@link #toString()} masks it.
 */
public final class ClientCredentials {
    private final String clientId;
    private final String clientSecret;

    private ClientCredentials(String clientId, String clientSecret) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    }

    public static ClientCredentials of(String clientId, String clientSecret) {
        return new ClientCredentials(clientId, clientSecret);
    }

    public String clientId() {
        return clientId;
    }

    /** What {@code request} makes of the client id and the secret, for a request to the DeOAuth server. */
    public <T> T sign(BiFunction<String, String, T> request) {
        return request.apply(clientId, clientSecret);
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", clientSecret=****]";
    }
}
