package com.altscodex.jakarta.links;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.InvocationCallback;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Posts a settled link's outcome to its {@code webhook_url}, signed ({@link WebhookSignature}) and
 * with a nonce the retries share, so a receiver can tell a retry from a new event. Retried with
 * backoff only when no answer came or the answer was 5xx; a 4xx is the receiver's word and is
 * never retried (asking again would not change it). A delivery that does not get through is logged
 * once at WARNING with the link's id.
 */
final class Webhooks implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Before the first try: nothing; then 1 s, 2 s and 4 s. */
    static final List<Duration> BACKOFF = List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4));

    private final byte[] secret;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final Client client;

    Webhooks(byte[] secret, ExecutorService work, ScheduledExecutorService timers, Clock clock) {
        this.secret = secret;
        this.timers = timers;
        this.clock = clock;
        // no client where there is nothing to sign with: webhooks are then refused at issue
        this.client = secret == null ? null : ClientBuilder.newBuilder().executorService(work)
                .connectTimeout(5, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS).build();
    }

    boolean enabled() {
        return secret != null;
    }

    /** Sends {@code outcome} (the link's settled JSON) to {@code url}, in the background. */
    void deliver(String linkId, String url, JsonObject outcome) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String body = JSON.createObjectBuilder(outcome).add("nonce", HexFormat.of().formatHex(nonce)).build().toString();
        attempt(linkId, url, body, 0);
    }

    private void attempt(String linkId, String url, String body, int attempt) {
        timers.schedule(() -> send(linkId, url, body, attempt), BACKOFF.get(attempt).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void send(String linkId, String url, String body, int attempt) {
        String signature = WebhookSignature.sign(secret, clock.instant().getEpochSecond(), body);
        try {
            client.target(url).request().header(WebhookSignature.HEADER, signature).async()
                    .post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE), new InvocationCallback<Response>() {
                        @Override
                        public void completed(Response response) {
                            int status = response.getStatus();
                            response.close();
                            if (status >= 200 && status < 300) {
                                LOG.fine(() -> "webhook of link " + linkId + " delivered (HTTP " + status + ")");
                            } else if (status >= 500) {
                                retryOrGiveUp(linkId, url, body, attempt, "HTTP " + status);
                            } else {
                                LOG.warning(() -> "webhook of link " + linkId + " refused by its receiver with HTTP "
                                        + status + ": not retried");
                            }
                        }

                        @Override
                        public void failed(Throwable failure) {
                            retryOrGiveUp(linkId, url, body, attempt, "no answer (" + failure.getClass().getSimpleName() + ")");
                        }
                    });
        } catch (RuntimeException unusable) {
            retryOrGiveUp(linkId, url, body, attempt, "no answer (" + unusable.getClass().getSimpleName() + ")");
        }
    }

    private void retryOrGiveUp(String linkId, String url, String body, int attempt, String what) {
        if (attempt + 1 < BACKOFF.size()) {
            LOG.fine(() -> "webhook of link " + linkId + ": " + what + ", trying again");
            attempt(linkId, url, body, attempt + 1);
        } else {
            LOG.warning(() -> "webhook of link " + linkId + " not delivered after " + BACKOFF.size() + " tries: " + what);
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
