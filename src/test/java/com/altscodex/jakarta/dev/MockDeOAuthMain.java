package com.altscodex.jakarta.dev;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the mock DeOAuth server as a process of its own, for front-end work and benchmarks:
 * {@code mvn -Pmock}, or {@code java -cp … com.altscodex.jakarta.dev.MockDeOAuthMain [port]
 * [client-id] [client-secret] [behaviour] [threads]}. Each setting comes from the argument, else the
 * system property ({@code mock.port}, {@code mock.client-id}, {@code mock.client-secret},
 * {@code mock.behaviour}: what {@code mvn -Pmock -Dmock.port=…} sets), else the environment
 * (MOCK_PORT, MOCK_CLIENT_ID, MOCK_CLIENT_SECRET, MOCK_BEHAVIOUR), else the default (9999,
 * dev-client, dev-secret-not-for-production, success: the client that server-config/run configures).
 * {@code threads} ({@code mock.threads}, MOCK_THREADS) fixes its pool at that many threads; by default (0) it grows.
 * It listens on 127.0.0.1 only.
 */
public final class MockDeOAuthMain {
    private MockDeOAuthMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(setting(args, 0, "mock.port", "MOCK_PORT", "9999"));
        String clientId = setting(args, 1, "mock.client-id", "MOCK_CLIENT_ID", "dev-client");
        String secret = setting(args, 2, "mock.client-secret", "MOCK_CLIENT_SECRET", "dev-secret-not-for-production");
        MockBehaviour behaviour = MockBehaviour.parse(setting(args, 3, "mock.behaviour", "MOCK_BEHAVIOUR", "success"));
        int threads = Integer.parseInt(setting(args, 4, "mock.threads", "MOCK_THREADS", "0"));
        MockDeOAuthServer mock = MockDeOAuthServer.start(port, clientId, secret, threads).defaultBehaviour(behaviour);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mock.close();
            stopped.countDown();
        }));
        System.out.println("mock DeOAuth server listening on " + mock.baseUri() + " for client " + clientId
                + ", logins " + behaviour.word() + " unless the JWT's first word says otherwise;"
                + " login page " + mock.baseUri() + MockDeOAuthServer.LOGIN_PAGE
                + " (development only: it logs anyone in; Ctrl-C stops it)");
        stopped.await();
    }

    private static String setting(String[] args, int index, String property, String env, String fallback) {
        if (args.length > index && !args[index].isBlank()) {
            return args[index];
        }
        for (String value : new String[] {System.getProperty(property), System.getenv(env)}) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return fallback;
    }
}
