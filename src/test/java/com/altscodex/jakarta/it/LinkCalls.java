package com.altscodex.jakarta.it;

import com.altscodex.jakarta.it.Http.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A caller of login links (a chatbot's server): issue with the API key, poll, complete as a native app would. */
final class LinkCalls {
    static final String API_KEY = System.getProperty("it.links.api-key");
    static final String WEBHOOK_SECRET = System.getProperty("it.links.webhook-secret");

    private LinkCalls() {
    }

    static Answer issue(String baseUrl, String apiKey, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/login-links"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> answer = Http.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(answer.statusCode(), answer.body());
    }

    static Answer issue(String baseUrl, String subject) throws Exception {
        return issue(baseUrl, API_KEY, "{\"subject\":\"" + subject + "\"}");
    }

    static CompletableFuture<Answer> pollAsync(String pollUrl, String wait, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pollUrl + (wait == null ? "" : "?wait=" + wait)))
                .timeout(Duration.ofSeconds(90)).GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return Http.client().sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(answer -> new Answer(answer.statusCode(), answer.body()));
    }

    static Answer poll(String pollUrl, String wait) {
        return pollAsync(pollUrl, wait, API_KEY).join();
    }

    /** What a native app's embedded browser does once the platform handed it the JWT. */
    static Answer complete(String linkUrl, String jwt) throws Exception {
        return Http.post(linkUrl, "application/json", "{\"jwt\":\"" + jwt + "\"}");
    }

    /** The link's URL on a server other than the one that issued it (another replica behind one name). */
    static String on(String baseUrl, String url) {
        return baseUrl + url.substring(url.indexOf("/api/"));
    }
}
