package com.altscodex.jakarta.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The client id and secret issued by the Developer Center. The secret has no public accessor:
 * only this package reads it, to sign get_token (Basic) and to fill the refresh body.
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

    String secret() {
        return clientSecret;
    }

    String basicAuthorization() {
        String pair = clientId + ":" + clientSecret;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", clientSecret=****]";
    }
}
