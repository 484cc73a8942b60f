package com.altscodex.jakarta.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.altscodex.jakarta.TestChain;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The counters the benchmark reads from a mock running in another process. */
class MockStatsTest {

    @Test
    void countsEveryRequestAndCallback() throws Exception {
        try (TestChain chain = TestChain.start()) {
            TestChain.await(chain.backend.getSlotInfo("test-jwt-alice"));
            TestChain.failureOf(chain.backend.getSlotInfo("reject-jwt-bob"));
            URI uri = chain.mock.baseUri().resolve(MockDeOAuthServer.STATS);
            // a callback is counted when its answer reaches the mock, which may be after the login settled
            JsonObject stats = stats(uri);
            for (int i = 0; i < 100 && stats.getJsonNumber("callbacks_answered").longValue() < 2; i++) {
                Thread.sleep(100);
                stats = stats(uri);
            }
            assertEquals(2, stats.getJsonNumber("authorize").longValue());
            assertEquals(1, stats.getJsonNumber("get_token").longValue());
            assertEquals(0, stats.getJsonNumber("refresh").longValue());
            assertEquals(2, stats.getJsonNumber("callbacks_answered").longValue());
            assertEquals(0, stats.getJsonNumber("callbacks_failed").longValue());
        }
    }

    private static JsonObject stats(URI uri) throws Exception {
        String body = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
        return JsonProvider.provider().createReader(new StringReader(body)).readObject();
    }
}
