package com.altscodex.jakarta.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {
    private static final String SECRET = "s3cr3t-value-7781";

    private static Map<String, String> valid() {
        Map<String, String> config = new HashMap<>();
        config.put("altscodex.client-id", "game-1");
        config.put("altscodex.client-secret", SECRET);
        config.put("altscodex.redirect-uri", "https://game.example/api/getinfo/");
        return config;
    }

    private static AltsCodexSettings read(Map<String, String> config) {
        return SettingsReader.read(key -> Optional.ofNullable(config.get(key)));
    }

    @Test
    void defaultsApplyToOptionalKeys() {
        AltsCodexSettings settings = read(valid());
        assertEquals("game-1", settings.clientId());
        assertEquals(URI.create("https://api.altscodex.com"), settings.authServerUrl());
        assertEquals(URI.create("https://altscodex.com"), settings.platformUrl());
        assertEquals(Duration.ofSeconds(15), settings.authorizeTimeout());
        assertEquals(Duration.ofSeconds(10), settings.httpTimeout());
    }

    @Test
    void theRedisStoreWithoutTheRedisClientFailsNamingTheKeyAndTheArtifact() {
        Map<String, String> config = valid();
        config.put("altscodex.pending-store", "redis");
        config.put("altscodex.redis.uri", "redis://:hidden-pass@127.0.0.1:6379/0");
        InvalidSettingsException refused = assertThrows(InvalidSettingsException.class,
                () -> SettingsReader.read(key -> Optional.ofNullable(config.get(key)), className -> false));
        assertTrue(refused.getMessage().contains("altscodex.pending-store=redis needs the Redis client"), refused.getMessage());
        assertTrue(refused.getMessage().contains("io.lettuce:lettuce-core"), refused.getMessage());
        assertFalse(refused.getMessage().contains("hidden-pass"), refused.getMessage());
        // here the client is on the class path, as it is in the WAR
        assertEquals("redis://****@127.0.0.1:6379/0", read(config).redis().toString());
        // the memory store never asks for it
        assertNull(SettingsReader.read(key -> Optional.ofNullable(valid().get(key)), className -> false).redis());
    }

    @Test
    void redisTlsMistakesFailTheDeploymentByKeyWithoutAPassword(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path notAStore = java.nio.file.Files.writeString(dir.resolve("store.p12"), "not a key store");
        Map<String, String> config = valid();
        config.put("altscodex.pending-store", "redis");
        config.put("altscodex.redis.uri", "redis://:hidden-pass@127.0.0.1:6379/0");
        config.put("altscodex.redis.ca-file", dir.resolve("missing.pem").toString());
        InvalidSettingsException plain = assertThrows(InvalidSettingsException.class, () -> read(config));
        assertTrue(plain.getMessage().contains("altscodex.redis.ca-file is set, but altscodex.redis.uri does not use TLS"),
                plain.getMessage());

        config.put("altscodex.redis.uri", "rediss://:hidden-pass@127.0.0.1:6380/0");
        config.put("altscodex.redis.key-store", notAStore.toString());
        config.put("altscodex.redis.key-store-password", "store-pass-19ab");
        config.put("altscodex.redis.verify-hostname", "perhaps");
        InvalidSettingsException refused = assertThrows(InvalidSettingsException.class, () -> read(config));
        String message = refused.getMessage();
        assertTrue(message.contains("(3 problems)"), message);
        assertTrue(message.contains("altscodex.redis.ca-file=" + dir.resolve("missing.pem") + " is no readable file"), message);
        assertTrue(message.contains("altscodex.redis.key-store=" + notAStore + " is a key store that cannot be opened")
                && message.contains("its password is altscodex.redis.key-store-password"), message);
        assertTrue(message.contains("altscodex.redis.verify-hostname='perhaps' is neither true nor false"), message);
        assertFalse(message.contains("store-pass-19ab") || message.contains("hidden-pass"), message);

        config.remove("altscodex.redis.key-store-password");
        config.remove("altscodex.redis.verify-hostname");
        config.remove("altscodex.redis.ca-file");
        assertTrue(assertThrows(InvalidSettingsException.class, () -> read(config)).getMessage()
                .contains("altscodex.redis.key-store-password is missing"));
    }

    @Test
    void theRedirectUriIsKeptExactlyTrailingSlashIncluded() {
        assertEquals("https://game.example/api/getinfo/", read(valid()).redirectUri());
    }

    @Test
    void trailingSlashesOfBaseUrlsAreDropped() {
        Map<String, String> config = valid();
        config.put("altscodex.auth-server-url", "http://localhost:3000/");
        config.put("altscodex.platform-url", "http://localhost:3000//");
        AltsCodexSettings settings = read(config);
        assertEquals(URI.create("http://localhost:3000"), settings.authServerUrl());
        assertEquals(URI.create("http://localhost:3000"), settings.platformUrl());
    }

    @Test
    void timeoutsAcceptIsoAndShortForms() {
        Map<String, String> config = valid();
        for (var pair : Map.of("PT15S", Duration.ofSeconds(15), "15s", Duration.ofSeconds(15),
                "500ms", Duration.ofMillis(500), "pt0.25s", Duration.ofMillis(250), "2m", Duration.ofMinutes(2))
                .entrySet()) {
            config.put("altscodex.authorize-timeout", pair.getKey());
            assertEquals(pair.getValue(), read(config).authorizeTimeout(), pair.getKey());
        }
    }

    @Test
    void everyMissingRequiredKeyIsNamedInOneMessageWithHowToSetIt() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> read(Map.of()));
        assertEquals(3, e.problems().size());
        String message = e.getMessage();
        for (String key : new String[] {"altscodex.client-id", "altscodex.client-secret", "altscodex.redirect-uri"}) {
            assertTrue(message.contains(key + " is missing"), message);
        }
        for (String env : new String[] {"ALTSCODEX_CLIENT_ID", "ALTSCODEX_CLIENT_SECRET", "ALTSCODEX_REDIRECT_URI"}) {
            assertTrue(message.contains(env), message);
        }
        assertTrue(message.contains("microprofile-config.properties"), message);
    }

    @Test
    void blankCountsAsMissing() {
        Map<String, String> config = valid();
        config.put("altscodex.client-id", "  ");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> read(config));
        assertTrue(e.getMessage().contains("altscodex.client-id is missing"), e.getMessage());
    }

    @Test
    void malformedValuesAreNamedAllAtOnce() {
        Map<String, String> config = valid();
        config.put("altscodex.redirect-uri", "/getinfo");
        config.put("altscodex.auth-server-url", "ftp://api.altscodex.com");
        config.put("altscodex.platform-url", "http://[bad");
        config.put("altscodex.authorize-timeout", "fifteen");
        config.put("altscodex.http-timeout", "-5s");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> read(config));
        assertEquals(5, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("altscodex.authorize-timeout='fifteen'"), e.getMessage());
        assertTrue(e.getMessage().contains("PT15S"), e.getMessage());
    }

    @Test
    void theSecretIsNeverInTheMessageNorInToString() {
        Map<String, String> config = valid();
        config.remove("altscodex.client-id");
        config.put("altscodex.redirect-uri", "not a url");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> read(config));
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertFalse(read(valid()).toString().contains(SECRET));
    }

    @Test
    void inventedAltscodexHostsFailWithTheRightHost() {
        Map<String, String> config = valid();
        config.put("altscodex.auth-server-url", "https://oauth.altscodex.com");
        config.put("altscodex.platform-url", "https://login.altscodex.com/");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> read(config));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).contains("use https://api.altscodex.com"), e.getMessage());
        assertTrue(e.problems().get(1).contains("use https://altscodex.com"), e.getMessage());
    }

    @Test
    void maxPendingAndTheCallbackPathCheckAreRead() {
        Map<String, String> config = valid();
        assertEquals(AltsCodexSettings.DEFAULT_MAX_PENDING, read(config).maxPending());
        assertTrue(read(config).checkCallbackPath());
        config.put("altscodex.max-pending", "500");
        config.put("altscodex.check-callback-path", "FALSE");
        assertEquals(500, read(config).maxPending());
        assertFalse(read(config).checkCallbackPath());
        config.put("altscodex.max-pending", "0");
        config.put("altscodex.check-callback-path", "maybe");
        assertEquals(2, assertThrows(InvalidSettingsException.class, () -> read(config)).problems().size());
    }

    @Test
    void plainHttpRedirectOutsideLocalhostIsWarnedAbout() {
        assertTrue(SettingsValidation.warnIfPlainHttp("http://game.example/api/getinfo"));
        assertFalse(SettingsValidation.warnIfPlainHttp("https://game.example/api/getinfo"));
        assertFalse(SettingsValidation.warnIfPlainHttp("http://localhost:8080/api/getinfo"));
        assertFalse(SettingsValidation.warnIfPlainHttp("http://127.0.0.1:8080/api/getinfo"));
    }

    @Test
    void theCircuitBreakerKeepsFaultTolerancesKeysAndDefaults() {
        assertEquals(CircuitSettings.DEFAULTS, SettingsReader.circuit(key -> Optional.empty()));
        assertEquals(10, CircuitSettings.DEFAULTS.failuresToOpen(), "half of 20");
        Map<String, String> config = new HashMap<>();
        config.put(SettingsReader.CIRCUIT + "requestVolumeThreshold", "4");
        config.put(SettingsReader.CIRCUIT + "delay", "1500");
        config.put(SettingsReader.CIRCUIT + "delayUnit", "MILLIS");
        config.put("com.altscodex.jakarta.client.DeOAuthCircuit/CircuitBreaker/failureRatio", "0.75");
        config.put("CircuitBreaker/successThreshold", "2");
        config.put("CircuitBreaker/requestVolumeThreshold", "99");
        assertEquals(new CircuitSettings(true, 4, 0.75, Duration.ofMillis(1500), 2),
                SettingsReader.circuit(key -> Optional.ofNullable(config.get(key))),
                "the method's key before the class's before the global one, as Fault Tolerance reads them");
        assertEquals(Duration.ofSeconds(7), SettingsReader.circuit(key -> Optional.ofNullable(
                Map.of(SettingsReader.CIRCUIT + "delay", "7").get(key))).delay(), "seconds, the annotation's unit");
        assertFalse(SettingsReader.circuit(key -> Optional.ofNullable(
                Map.of("MP_Fault_Tolerance_NonFallback_Enabled", "false").get(key))).enabled());
        assertFalse(SettingsReader.circuit(key -> Optional.ofNullable(
                Map.of(SettingsReader.CIRCUIT + "enabled", "false").get(key))).enabled());
    }

    @Test
    void aMalformedCircuitKeyFailsTheDeploymentWithTheOthers() {
        Map<String, String> config = valid();
        config.put(SettingsReader.CIRCUIT + "failureRatio", "1.5");
        config.put(SettingsReader.CIRCUIT + "delay", "-1");
        config.put(SettingsReader.CIRCUIT + "delayUnit", "fortnights");
        config.put(SettingsReader.CIRCUIT + "requestVolumeThreshold", "0");
        config.put("altscodex.http-timeout", "-5s");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> read(config));
        assertEquals(5, e.problems().size(), e.getMessage());
        for (String parameter : new String[] {"failureRatio='1.5'", "delay='-1'", "delayUnit='fortnights'",
                "requestVolumeThreshold='0'"}) {
            assertTrue(e.getMessage().contains(SettingsReader.CIRCUIT + parameter), e.getMessage());
        }
        assertTrue(e.getMessage().contains("COM_ALTSCODEX_JAKARTA_CLIENT_DEOAUTHCIRCUIT_SEND_CIRCUITBREAKER_DELAY"),
                e.getMessage());
    }

    @Test
    void environmentNamesFollowMicroProfileConfigMapping() {
        assertEquals("ALTSCODEX_CLIENT_ID", SettingsReader.environmentName("altscodex.client-id"));
        assertEquals("ALTSCODEX_AUTHORIZE_TIMEOUT", SettingsReader.environmentName("altscodex.authorize-timeout"));
    }

    @Test
    void microProfileConfigResolvesTheEnvironmentStyleName() {
        // the same mapping Payara applies to ALTSCODEX_* variables, on SmallRye Config
        var config = io.smallrye.config.SmallRyeConfigProviderResolver.instance().getBuilder()
                .withSources(new io.smallrye.config.EnvConfigSource(Map.of(
                        "ALTSCODEX_CLIENT_ID", "env-client", "ALTSCODEX_CLIENT_SECRET", SECRET,
                        "ALTSCODEX_REDIRECT_URI", "http://127.0.0.1:8080/api/getinfo",
                        "ALTSCODEX_AUTHORIZE_TIMEOUT", "2s"), 300))
                .build();
        AltsCodexSettings settings = ContainerProducers.readFrom(config);
        assertEquals("env-client", settings.clientId());
        assertEquals(Duration.ofSeconds(2), settings.authorizeTimeout());
    }

    @Test
    void requestLimitsHaveDefaultsAndTakeSizes() {
        AltsCodexSettings defaults = read(valid());
        assertEquals(RequestLimits.DEFAULTS, defaults.limits());
        Map<String, String> config = valid();
        config.put("altscodex.max-body", "4KiB");
        config.put("altscodex.max-jwt-length", "2048");
        config.put("altscodex.body-timeout", "3s");
        assertEquals(new RequestLimits(4096, 2048, Duration.ofSeconds(3)), read(config).limits());
    }

    @Test
    void aBodyLimitThatCannotHoldTheJwtIsRefusedNamingBothKeys() {
        Map<String, String> config = valid();
        config.put("altscodex.max-body", "1k");
        config.put("altscodex.body-timeout", "never");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> read(config));
        assertTrue(e.getMessage().contains("altscodex.max-body=1024 cannot hold a JWT of altscodex.max-jwt-length=8192"),
                e.getMessage());
        assertTrue(e.getMessage().contains("ALTSCODEX_MAX_BODY"), e.getMessage());
        assertTrue(e.getMessage().contains("altscodex.body-timeout='never'"), e.getMessage());
        config.put("altscodex.max-body", "lots");
        assertTrue(assertThrows(InvalidSettingsException.class, () -> read(config)).getMessage()
                .contains("altscodex.max-body='lots' is not a positive size"));
        config.put("altscodex.max-body", "2MiB");
        assertTrue(assertThrows(InvalidSettingsException.class, () -> read(config)).getMessage()
                .contains("is above 1048576 bytes"));
    }

    private static final String KEY = "rWgP2R0dWpsmYIOHJut5vyrdBoWunMX7eeatYej2pqg=";
    private static final String OTHER_KEY = "q1lD7FMzwJ2s8f3d0gS9bGkX4c6hVn0aT5yE2uR8oPw=";

    @Test
    void sessionsAreOffUnlessTurnedOnAndThenTakeTheirDefaults() {
        assertEquals(SessionSettings.OFF, read(valid()).session());
        Map<String, String> config = valid();
        config.put("altscodex.session.enabled", "true");
        config.put("altscodex.session.signing-keys", KEY);
        SessionSettings session = read(config).session();
        assertTrue(session.enabled());
        assertEquals(1, session.keys().size());
        assertEquals(Duration.ofHours(12), session.ttl());
        assertEquals("altscodex_session", session.cookieName());
        assertEquals(java.util.List.of("player"), session.groups());
        assertTrue(session.secureCookie(), "https redirect URI: a Secure cookie");
        config.put("altscodex.session.signing-keys", OTHER_KEY + ", " + KEY);
        config.put("altscodex.session.ttl", "PT30M");
        config.put("altscodex.session.cookie-name", "game_session");
        config.put("altscodex.session.groups", "player, beta");
        config.put("altscodex.redirect-uri", "http://localhost:8080/api/getinfo");
        session = read(config).session();
        assertEquals(2, session.keys().size());
        assertEquals(Duration.ofMinutes(30), session.ttl());
        assertEquals("game_session", session.cookieName());
        assertEquals(java.util.List.of("player", "beta"), session.groups());
        assertFalse(session.secureCookie(), "plain http on localhost: a browser would not send a Secure cookie back");
    }

    @Test
    void sessionsWithoutAKeyFailNamingTheKeyAndHowToMakeOne() {
        Map<String, String> config = valid();
        config.put("altscodex.session.enabled", "true");
        String message = assertThrows(InvalidSettingsException.class, () -> read(config)).getMessage();
        assertTrue(message.contains("altscodex.session.signing-keys is missing"), message);
        assertTrue(message.contains("openssl rand -base64 32"), message);
        assertTrue(message.contains("ALTSCODEX_SESSION_SIGNING_KEYS"), message);
        assertTrue(message.contains("altscodex.session.enabled=false"), message);
    }

    @Test
    void aShortOrMalformedKeyFailsByItsPlaceNeverByItsValue() {
        Map<String, String> config = valid();
        config.put("altscodex.session.enabled", "true");
        String shortKey = java.util.Base64.getEncoder().encodeToString("only-16-bytes-!!".getBytes());
        config.put("altscodex.session.signing-keys", KEY + "," + shortKey + ",not*base64");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> read(config));
        String message = e.getMessage();
        assertEquals(1, e.problems().size(), message);
        assertTrue(message.contains("key 2 of 3 has 128 bits"), message);
        assertTrue(message.contains("key 3 of 3 is not base64"), message);
        assertTrue(message.contains("at least 256 bits"), message);
        assertTrue(message.contains("openssl rand -base64 32"), message);
        assertFalse(message.contains(shortKey) || message.contains(KEY), "no key in the message: " + message);
    }

    @Test
    void aBadCookieNameOrSwitchIsNamed() {
        Map<String, String> config = valid();
        config.put("altscodex.session.enabled", "yes");
        config.put("altscodex.session.cookie-name", "my session");
        String message = assertThrows(InvalidSettingsException.class, () -> read(config)).getMessage();
        assertTrue(message.contains("altscodex.session.enabled='yes' is neither true nor false"), message);
        assertTrue(message.contains("altscodex.session.cookie-name='my session' is not a cookie name"), message);
    }

    @Test
    void loginLinksTakeHashedKeysAndNeedSessions() {
        Map<String, String> config = valid();
        config.put("altscodex.session.enabled", "true");
        config.put("altscodex.session.signing-keys", KEY);
        config.put("altscodex.links.api-keys", "chatbot-key-0123456789, console-key-9876543210");
        config.put("altscodex.links.webhook-secret", "webhook-secret-abcdefgh");
        config.put("altscodex.links.ttl", "5m");
        LinkSettings links = read(config).links();
        assertEquals(2, links.apiKeyHashes().size());
        assertTrue(java.util.Arrays.equals(SettingsReader.sha256("console-key-9876543210"), links.apiKeyHashes().get(1)));
        assertEquals(Duration.ofMinutes(5), links.ttl());
        assertEquals(LinkSettings.DEFAULT_MAX_PENDING, links.maxPending());
        assertFalse(links.toString().contains("chatbot-key"), links.toString());
        assertFalse(links.toString().contains("webhook-secret-abc"), links.toString());

        config.put("altscodex.links.api-keys", "short-key");
        config.put("altscodex.links.webhook-secret", "tiny");
        String message = assertThrows(InvalidSettingsException.class, () -> read(config)).getMessage();
        assertTrue(message.contains("altscodex.links.api-keys: key 1 of 1 has 9 characters"), message);
        assertTrue(message.contains("altscodex.links.webhook-secret has 4 characters"), message);
        assertFalse(message.contains("short-key") || message.contains("tiny"), "no secret in the message: " + message);

        Map<String, String> sessionsOff = valid();
        sessionsOff.put("altscodex.links.api-keys", "chatbot-key-0123456789");
        message = assertThrows(InvalidSettingsException.class, () -> read(sessionsOff)).getMessage();
        assertTrue(message.contains("login links are signed with the session keys and sessions are off"), message);
    }

    @Test
    void theAllowedOriginsAreTheRedirectUrisAndTheConfiguredOnesWrittenOneWay() {
        assertEquals(java.util.Set.of("https://game.example"), read(valid()).security().allowedOrigins());
        Map<String, String> config = valid();
        config.put("altscodex.allowed-origins", "https://App.Example.com, http://localhost:5173,https://spa.example:443");
        SecuritySettings security = read(config).security();
        assertEquals(java.util.Set.of("https://game.example", "https://app.example.com", "http://localhost:5173",
                "https://spa.example"), security.allowedOrigins());
        assertEquals(java.util.Set.of("https://app.example.com", "http://localhost:5173", "https://spa.example"),
                security.configuredOrigins());
    }

    @Test
    void originsProxiesLimitsAndWebhookHostsThatAreNoneAreNamedAllAtOnce() {
        Map<String, String> config = valid();
        config.put("altscodex.allowed-origins", "*, https://app.example.com/, app.example.com");
        config.put("altscodex.trusted-proxies", "10.0.0.0/8, proxy.internal, 10.0.0.0/33, 010.0.0.1");
        config.put("altscodex.limits.failures-per-minute", "0");
        config.put("altscodex.limits.burst", "many");
        config.put("altscodex.links.webhook-allowed-hosts", "https://hooks.internal/x, hooks.internal:8443");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> read(config));
        for (String expected : new String[] {"altscodex.allowed-origins: '*'", "altscodex.allowed-origins: 'https://app.example.com/'",
                "altscodex.allowed-origins: 'app.example.com'", "'proxy.internal' is not an IP address",
                "'10.0.0.0/33' has a prefix length", "'010.0.0.1' is not an IP address", "altscodex.limits.failures-per-minute='0'",
                "altscodex.limits.burst='many'", "'https://hooks.internal/x' is not a host or host:port", "ALTSCODEX_TRUSTED_PROXIES"}) {
            assertTrue(e.getMessage().contains(expected), expected + " in: " + e.getMessage());
        }
        assertFalse(e.getMessage().contains("'hooks.internal:8443'"), e.getMessage());
    }

    @Test
    void proxiesLimitsAndWebhookHostsAreRead() {
        Map<String, String> config = valid();
        config.put("altscodex.trusted-proxies", "10.0.0.0/8,192.0.2.7, 2001:db8::/32");
        config.put("altscodex.limits.failures-per-minute", "30");
        config.put("altscodex.limits.burst", "4");
        config.put("altscodex.limits.max-addresses", "5000");
        config.put("altscodex.links.webhook-allowed-hosts", "Hooks.Internal:8443, 127.0.0.1, [::1]:9000");
        AltsCodexSettings settings = read(config);
        assertEquals(java.util.List.of(AddressRange.parse("10.0.0.0/8"), AddressRange.parse("192.0.2.7"),
                AddressRange.parse("2001:db8::/32")), settings.security().trustedProxies());
        assertEquals(new LimitSettings(30, 4, 5000), settings.security().limits());
        assertEquals(LimitSettings.DEFAULTS, read(valid()).security().limits());
        assertEquals(java.util.Set.of("hooks.internal:8443", "127.0.0.1", "[::1]:9000"), settings.links().webhookAllowedHosts());
    }

    @Test
    void anAddressRangeHoldsWhatItsPrefixSays() throws Exception {
        AddressRange ten = AddressRange.parse("10.0.0.0/8");
        assertTrue(ten.contains(java.net.InetAddress.getByName("10.255.1.2")));
        assertFalse(ten.contains(java.net.InetAddress.getByName("11.0.0.1")));
        assertTrue(ten.contains(java.net.InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 10, 1, 2, 3})),
                "an IPv4-mapped address is its IPv4 one");
        AddressRange doc = AddressRange.parse("2001:db8::/32");
        assertTrue(doc.contains(java.net.InetAddress.getByName("2001:db8:ffff::1")));
        assertFalse(doc.contains(java.net.InetAddress.getByName("2001:db9::1")));
        assertFalse(doc.contains(java.net.InetAddress.getByName("10.0.0.1")));
        assertTrue(AddressRange.parse("0.0.0.0/0").contains(java.net.InetAddress.getByName("203.0.113.1")));
        assertTrue(AddressRange.parse("192.0.2.7").contains(java.net.InetAddress.getByName("192.0.2.7")));
        assertFalse(AddressRange.parse("192.0.2.7").contains(java.net.InetAddress.getByName("192.0.2.8")));
        assertEquals(null, AddressRange.literal("localhost"), "a name is never looked up");
    }
}
