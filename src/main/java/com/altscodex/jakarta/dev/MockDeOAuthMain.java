package com.altscodex.jakarta.dev;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the mock DeOAuth server as a process of its own, for front-end work and benchmarks:
 * {@code java -cp … com.altscodex.jakarta.dev.MockDeOAuthMain [port] [client-id] [client-secret]}
 * (defaults: 9999, dev-client, dev-secret-not-for-production; MOCK_PORT, MOCK_CLIENT_ID and
 * MOCK_CLIENT_SECRET in the environment work too). It listens on 127.0.0.1 only.
 */
public final class MockDeOAuthMain {
    private MockDeOAuthMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(arg(args, 0, "MOCK_PORT", "9999"));
        String clientId = arg(args, 1, "MOCK_CLIENT_ID", "dev-client");
        String secret = arg(args, 2, "MOCK_CLIENT_SECRET", "dev-secret-not-for-production");
        MockDeOAuthServer mock = MockDeOAuthServer.start(port, clientId, secret);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mock.close();
            stopped.countDown();
        }));
        System.out.println("mock DeOAuth server listening on " + mock.baseUri() + " for client " + clientId
                + " (development only: it logs anyone in)");
        stopped.await();
    }

    private static String arg(String[] args, int index, String env, String fallback) {
        if (args.length > index) {
            return args[index];
        }
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }
}
