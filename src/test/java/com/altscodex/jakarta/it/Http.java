package com.altscodex.jakarta.it;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A plain HTTP client, as a browser or a game client would call the server. */
public final class Http {
    // HTTP/1.1, as browsers and curl speak plain http: the JDK's default asks each connection to
    // upgrade to h2c, and Payara answered 200 such upgrades at once with GOAWAY
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public record Answer(int status, String body) {
        public JsonObject json() {
            return JsonProvider.provider().createReader(new StringReader(body)).readObject();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private Http() {
    }

    public static CompletableFuture<Answer> postAsync(String url, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Answer(response.statusCode(), response.body()));
    }

    public static Answer post(String url, String contentType, String body) throws IOException, InterruptedException {
        return postAsync(url, contentType, body).join();
    }

    public static Answer login(String baseUrl, String jwt) throws IOException, InterruptedException {
        return post(baseUrl + "/api/login", "application/json", "{\"jwt\":\"" + jwt + "\"}");
    }

    public static Answer get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** The client every test shares: HTTP/1.1, as a browser on plain http. */
    public static HttpClient client() {
        return CLIENT;
    }

    /** Any method, for the answers that headers carry (a 405's {@code Allow}). */
    public static HttpResponse<String> send(String method, String url) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
