package com.altscodex.jakarta.pending;

import static com.altscodex.jakarta.TestChain.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.TestCa;
import com.altscodex.jakarta.config.RedisLocation;
import com.altscodex.jakarta.config.SettingsReader;
import com.altscodex.jakarta.error.StoreUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * rediss:// against a real redis-server whose certificate a CA made here signed: trusted through
 * the CA's PEM file or a trust store, refused with another CA or a certificate for another name
 * (the host check is on), and with mutual TLS only with the client certificate. The settings are
 * read as a deployment reads them, through the configuration keys.
 */
class RedisTlsTest {
    private static Path dir;
    private static TestCa ca;
    private static TestCa otherCa;
    private static TestCa.Issued client;
    private static LocalTlsRedis redis;
    private static LocalTlsRedis wrongName;
    private static LocalTlsRedis mutual;

    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
    private final ExecutorService work = Executors.newCachedThreadPool();
    private final List<RedisPendingLogins> stores = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Logger storeLog = Logger.getLogger(RedisPendingLogins.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void startThreeServers() throws Exception {
        dir = Files.createTempDirectory("redis-tls");
        ca = TestCa.shared("test-ca");
        otherCa = TestCa.shared("other-ca");
        client = ca.issue("altscodex-client", "dns:client.test");
        TestCa.Issued server = ca.issue("redis", "ip:127.0.0.1,dns:localhost");
        redis = new LocalTlsRedis(server, null, dir);
        wrongName = new LocalTlsRedis(ca.issue("elsewhere", "dns:cache.elsewhere.test"), null, dir);
        mutual = new LocalTlsRedis(server, ca, dir);
    }

    @AfterAll
    static void stopThem() throws Exception {
        for (LocalTlsRedis server : new LocalTlsRedis[] {redis, wrongName, mutual}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @AfterEach
    void closeStores() {
        storeLog.removeHandler(capture);
        stores.forEach(RedisPendingLogins::close);
        timers.shutdownNow();
        work.shutdownNow();
    }

    /** The location as a deployment reads it from these keys (beside the URI and the store). */
    private static RedisLocation configured(int port, Map<String, String> tls) {
        Map<String, String> keys = new java.util.HashMap<>(Map.of("altscodex.client-id", "game-1",
                "altscodex.client-secret", "tls-test-secret", "altscodex.redirect-uri", "https://game.example/api/getinfo"));
        keys.put("altscodex.pending-store", "redis");
        keys.put("altscodex.redis.uri", "rediss://127.0.0.1:" + port + "/0");
        keys.putAll(tls);
        return SettingsReader.read(key -> Optional.ofNullable(keys.get(key))).redis();
    }

    private RedisPendingLogins store(RedisLocation location) {
        storeLog.addHandler(capture);
        RedisPendingLogins store = new RedisPendingLogins(location, work, timers);
        stores.add(store);
        return store;
    }

    private static boolean records(RedisPendingLogins store) throws Exception {
        Registration login = store.register("s-" + System.nanoTime(), Duration.ofSeconds(5));
        try {
            login.recorded().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException e) {
            assertTrue(e.getCause() instanceof StoreUnavailableException, String.valueOf(e.getCause()));
            return false;
        }
    }

    @Test
    void theCasPemFileTrustsRedis() throws Exception {
        assertTrue(records(store(configured(redis.port(), Map.of("altscodex.redis.ca-file", ca.pem().toString())))));
    }

    @Test
    void aTrustStoreTrustsRedis() throws Exception {
        assertTrue(records(store(configured(redis.port(), Map.of("altscodex.redis.trust-store", ca.trustStore().toString(),
                "altscodex.redis.trust-store-password", TestCa.PASSWORD)))));
    }

    @Test
    void anotherCaIsRefusedWithAWarningThatNamesTheKeys() throws Exception {
        RedisPendingLogins store = store(configured(redis.port(), Map.of("altscodex.redis.ca-file", otherCa.pem().toString())));
        assertFalse(records(store));
        String warning = warnings.stream().filter(w -> w.contains("TLS handshake")).findFirst().orElse(String.valueOf(warnings));
        assertTrue(warning.contains("altscodex.redis.ca-file") && warning.contains("altscodex.redis.trust-store")
                && warning.contains(otherCa.pem().toString()), warning);
        assertFalse(store.available());
    }

    @Test
    void theJdksOwnCasDoNotKnowAPrivateCa() throws Exception {
        assertFalse(records(store(configured(redis.port(), Map.of()))));
    }

    @Test
    void aCertificateForAnotherNameIsRefusedUnlessTheHostCheckIsOff() throws Exception {
        assertFalse(records(store(configured(wrongName.port(), Map.of("altscodex.redis.ca-file", ca.pem().toString())))),
                "issued to cache.elsewhere.test, reached at 127.0.0.1");
        assertTrue(records(store(configured(wrongName.port(), Map.of("altscodex.redis.ca-file", ca.pem().toString(),
                "altscodex.redis.verify-hostname", "false")))));
    }

    @Test
    void mutualTlsNeedsTheClientCertificate() throws Exception {
        assertFalse(records(store(configured(mutual.port(), Map.of("altscodex.redis.ca-file", ca.pem().toString())))));
        assertTrue(records(store(configured(mutual.port(), Map.of("altscodex.redis.ca-file", ca.pem().toString(),
                "altscodex.redis.key-store", client.keyStore().toString(),
                "altscodex.redis.key-store-password", TestCa.PASSWORD)))));
    }
}
