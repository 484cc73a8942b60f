package com.altscodex.jakarta.config;

import java.net.URI;
import java.nio.file.Path;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link AltsCodexSettings} from any key lookup (MicroProfile Config in a server, a map in
 * a test) and reports every bad key at once, each with how to fix it.
 */
public final class SettingsReader {
    public static final String PREFIX = "altscodex.";
    public static final String CLIENT_ID = PREFIX + "client-id";
    public static final String CLIENT_SECRET = PREFIX + "client-secret";
    public static final String REDIRECT_URI = PREFIX + "redirect-uri";
    public static final String AUTH_SERVER_URL = PREFIX + "auth-server-url";
    public static final String PLATFORM_URL = PREFIX + "platform-url";
    public static final String AUTHORIZE_TIMEOUT = PREFIX + "authorize-timeout";
    public static final String HTTP_TIMEOUT = PREFIX + "http-timeout";
    public static final String MAX_PENDING = PREFIX + "max-pending";
    public static final String CHECK_CALLBACK_PATH = PREFIX + "check-callback-path";
    public static final String PENDING_STORE = PREFIX + "pending-store";
    public static final String REDIS_URI = PREFIX + "redis.uri";
    public static final String REDIS_CLUSTER = PREFIX + "redis.cluster";
    public static final String REDIS_TRUST_STORE = PREFIX + "redis.trust-store";
    public static final String REDIS_TRUST_STORE_PASSWORD = PREFIX + "redis.trust-store-password";
    public static final String REDIS_CA_FILE = PREFIX + "redis.ca-file";
    public static final String REDIS_KEY_STORE = PREFIX + "redis.key-store";
    public static final String REDIS_KEY_STORE_PASSWORD = PREFIX + "redis.key-store-password";
    public static final String REDIS_VERIFY_HOSTNAME = PREFIX + "redis.verify-hostname";
    public static final String MAX_BODY = PREFIX + "max-body";
    public static final String MAX_JWT_LENGTH = PREFIX + "max-jwt-length";
    public static final String BODY_TIMEOUT = PREFIX + "body-timeout";
    public static final String SESSION_ENABLED = PREFIX + "session.enabled";
    public static final String SESSION_SIGNING_KEYS = PREFIX + "session.signing-keys";
    public static final String SESSION_TTL = PREFIX + "session.ttl";
    public static final String SESSION_COOKIE_NAME = PREFIX + "session.cookie-name";
    public static final String SESSION_GROUPS = PREFIX + "session.groups";
    public static final String LINKS_API_KEYS = PREFIX + "links.api-keys";
    public static final String LINKS_ISSUER_ROLE = PREFIX + "links.issuer-role";
    public static final String LINKS_TTL = PREFIX + "links.ttl";
    public static final String LINKS_WEBHOOK_SECRET = PREFIX + "links.webhook-secret";
    public static final String LINKS_MAX_PENDING = PREFIX + "links.max-pending";
    public static final String LINKS_WEBHOOK_ALLOWED_HOSTS = PREFIX + "links.webhook-allowed-hosts";
    public static final String ALLOWED_ORIGINS = PREFIX + "allowed-origins";
    public static final String TRUSTED_PROXIES = PREFIX + "trusted-proxies";
    public static final String LIMITS_FAILURES_PER_MINUTE = PREFIX + "limits.failures-per-minute";
    public static final String LIMITS_BURST = PREFIX + "limits.burst";
    public static final String LIMITS_MAX_ADDRESSES = PREFIX + "limits.max-addresses";

    /** Fault Tolerance's key for the breaker's method, kept from when the breaker was its annotation. */
    public static final String CIRCUIT = "com.altscodex.jakarta.client.DeOAuthCircuit/send/CircuitBreaker/";
    private static final List<String> CIRCUIT_SCOPES =
            List.of(CIRCUIT, "com.altscodex.jakarta.client.DeOAuthCircuit/CircuitBreaker/", "CircuitBreaker/");
    private static final String FAULT_TOLERANCE_ENABLED = "MP_Fault_Tolerance_NonFallback_Enabled";

    static final String DEFAULT_AUTH_SERVER_URL = "https://api.altscodex.com";
    static final String DEFAULT_PLATFORM_URL = "https://altscodex.com";
    static final String DEFAULT_AUTHORIZE_TIMEOUT = "PT15S";
    static final String DEFAULT_HTTP_TIMEOUT = "PT10S";

    /** A body above this is no login: the module's own limit cannot be raised past it. */
    static final int LARGEST_MAX_BODY = 1024 * 1024;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})\\s*(b|k|kb|kib|m|mb|mib)?");

    /** A webhook host as allowed: a name or an IP literal, with an optional port. */
    private static final Pattern HOST_AND_PORT =
            Pattern.compile("(\\[[0-9a-f:.]+\\]|[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?)(:\\d{1,5})?");
    /** RFC 6265's cookie-name characters (an HTTP token). */
    private static final Pattern COOKIE_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");
    private static final String MAKE_A_KEY = "make one with `openssl rand -base64 32`";

    /** Hosts the DeOAuth guides warn about: they do not exist, and every call would fail. */
    private static final Set<String> INVENTED_HOSTS =
            Set.of("oauth.altscodex.com", "auth.altscodex.com", "login.altscodex.com");

    /** The Redis client's entry class: the classes jar leaves the client to applications that use it. */
    static final String REDIS_CLIENT_CLASS = "io.lettuce.core.RedisClient";
    static final String REDIS_CLIENT_ARTIFACT = "io.lettuce:lettuce-core";

    private final Function<String, Optional<String>> lookup;
    private final Predicate<String> onClassPath;
    private final List<String> problems = new ArrayList<>();

    private SettingsReader(Function<String, Optional<String>> lookup, Predicate<String> onClassPath) {
        this.lookup = lookup;
        this.onClassPath = onClassPath;
    }

    /** @throws InvalidSettingsException naming every missing or malformed key */
    public static AltsCodexSettings read(Function<String, Optional<String>> lookup) {
        return read(lookup, SettingsReader::loadable);
    }

    static AltsCodexSettings read(Function<String, Optional<String>> lookup, Predicate<String> onClassPath) {
        return new SettingsReader(lookup, onClassPath).read();
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, SettingsReader.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private AltsCodexSettings read() {
        String clientId = required(CLIENT_ID, "the client id issued by the Developer Center");
        String secret = required(CLIENT_SECRET, "the client secret issued by the Developer Center");
        URI redirect = url(REDIRECT_URI, required(REDIRECT_URI,
                "the registered callback URL, e.g. https://yourapp.com/api/getinfo"));
        URI auth = realHost(AUTH_SERVER_URL, url(AUTH_SERVER_URL, optional(AUTH_SERVER_URL, DEFAULT_AUTH_SERVER_URL)),
                DEFAULT_AUTH_SERVER_URL);
        URI platform = realHost(PLATFORM_URL, url(PLATFORM_URL, optional(PLATFORM_URL, DEFAULT_PLATFORM_URL)),
                DEFAULT_PLATFORM_URL);
        Duration authorizeTimeout = duration(AUTHORIZE_TIMEOUT, DEFAULT_AUTHORIZE_TIMEOUT);
        Duration httpTimeout = duration(HTTP_TIMEOUT, DEFAULT_HTTP_TIMEOUT);
        int maxPending = positiveInt(MAX_PENDING, AltsCodexSettings.DEFAULT_MAX_PENDING);
        boolean checkCallbackPath = bool(CHECK_CALLBACK_PATH, true);
        RedisLocation redis = pendingStore();
        RequestLimits limits = limits();
        SessionSettings session = session(redirect);
        LinkSettings links = links(session);
        SecuritySettings security = security(redirect);
        circuit();
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return new AltsCodexSettings(ClientCredentials.of(clientId, secret), redirect.toString(),
                withoutTrailingSlash(auth), withoutTrailingSlash(platform), authorizeTimeout, httpTimeout,
                maxPending, checkCallbackPath, redis, limits, session, links, security);
    }

    /**
     * The circuit breaker's settings, from MicroProfile Fault Tolerance's keys for
     * {@code DeOAuthCircuit.send} (method, then class, then global scope, as Fault Tolerance looks
     * them up), with the values the annotation had for any key not set.
     *
     * @throws InvalidSettingsException naming every malformed key
     */
    public static CircuitSettings circuit(Function<String, Optional<String>> lookup) {
        SettingsReader reader = new SettingsReader(lookup, SettingsReader::loadable);
        CircuitSettings settings = reader.circuit();
        if (!reader.problems.isEmpty()) {
            throw new InvalidSettingsException(reader.problems);
        }
        return settings;
    }

    private CircuitSettings circuit() {
        CircuitSettings defaults = CircuitSettings.DEFAULTS;
        boolean enabled = bool(FAULT_TOLERANCE_ENABLED, true) && bool(circuitKey("enabled"), true);
        int volume = positiveInt(circuitKey("requestVolumeThreshold"), defaults.requestVolume());
        int successes = positiveInt(circuitKey("successThreshold"), defaults.successThreshold());
        String ratioKey = circuitKey("failureRatio");
        String ratioText = optional(ratioKey, String.valueOf(defaults.failureRatio()));
        double ratio;
        try {
            ratio = Double.parseDouble(ratioText);
        } catch (NumberFormatException e) {
            ratio = Double.NaN;
        }
        if (!(ratio >= 0 && ratio <= 1)) {
            problems.add(ratioKey + "='" + ratioText + "' is not a ratio from 0 to 1 (0.5: half the calls)" + howToSet(ratioKey));
            ratio = defaults.failureRatio();
        }
        String unitKey = circuitKey("delayUnit");
        String unitText = optional(unitKey, ChronoUnit.SECONDS.name());
        ChronoUnit unit = ChronoUnit.SECONDS;
        try {
            unit = ChronoUnit.valueOf(unitText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(unitKey + "='" + unitText + "' is not a unit of time: use MILLIS or SECONDS" + howToSet(unitKey));
        }
        String delayKey = circuitKey("delay");
        String delayText = optional(delayKey, "5");
        Duration delay = defaults.delay();
        try {
            long amount = Long.parseLong(delayText);
            if (amount < 0) {
                throw new NumberFormatException();
            }
            delay = unit.getDuration().multipliedBy(amount);
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(delayKey + "='" + delayText + "' is not a whole number of " + unit.name().toLowerCase(Locale.ROOT)
                    + " (" + unitKey + ")" + howToSet(delayKey));
        }
        return new CircuitSettings(enabled, volume, ratio, delay, successes);
    }

    /** The most specific of the breaker's keys that is set, the method's when none is. */
    private String circuitKey(String parameter) {
        for (String scope : CIRCUIT_SCOPES) {
            if (lookup.apply(scope + parameter).filter(v -> !v.isBlank()).isPresent()) {
                return scope + parameter;
            }
        }
        return CIRCUIT + parameter;
    }

    private SecuritySettings security(URI redirect) {
        java.util.Set<String> configured = new java.util.LinkedHashSet<>();
        for (String origin : list(ALLOWED_ORIGINS).orElse(List.of())) {
            String normalized = Origins.normalize(origin);
            if (normalized == null || origin.endsWith("/")) {
                problems.add(ALLOWED_ORIGINS + ": '" + origin + "' is not an origin: write each as scheme://host[:port],"
                        + " exactly as a browser sends it in Origin (https://app.example.com), with no path and no"
                        + " wildcard" + howToSet(ALLOWED_ORIGINS));
            } else {
                configured.add(normalized);
            }
        }
        java.util.Set<String> allowed = new java.util.LinkedHashSet<>();
        if (redirect != null) {
            allowed.add(Origins.of(redirect));
        }
        allowed.addAll(configured);
        List<AddressRange> proxies = new ArrayList<>();
        for (String cidr : list(TRUSTED_PROXIES).orElse(List.of())) {
            try {
                proxies.add(AddressRange.parse(cidr));
            } catch (IllegalArgumentException e) {
                problems.add(TRUSTED_PROXIES + ": " + e.getMessage() + ": list the addresses of your reverse proxies"
                        + " as IP addresses or CIDR blocks, comma-separated (10.0.0.0/8, 192.0.2.7)" + howToSet(TRUSTED_PROXIES));
            }
        }
        int perMinute = positiveInt(LIMITS_FAILURES_PER_MINUTE, LimitSettings.DEFAULT_FAILURES_PER_MINUTE);
        int burst = positiveInt(LIMITS_BURST, LimitSettings.DEFAULT_BURST);
        int maxAddresses = positiveInt(LIMITS_MAX_ADDRESSES, LimitSettings.DEFAULT_MAX_ADDRESSES);
        return new SecuritySettings(allowed, configured, proxies, new LimitSettings(perMinute, burst, maxAddresses));
    }

    /** API keys and the webhook secret are named by place and length, never by value. */
    private LinkSettings links(SessionSettings session) {
        List<String> keys = list(LINKS_API_KEYS).orElse(List.of());
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).length() < LinkSettings.MIN_SECRET_LENGTH) {
                problems.add(LINKS_API_KEYS + ": key " + (i + 1) + " of " + keys.size() + " has " + keys.get(i).length()
                        + " characters; each needs at least " + LinkSettings.MIN_SECRET_LENGTH + ": " + MAKE_A_KEY
                        + howToSet(LINKS_API_KEYS));
            }
            hashes.add(sha256(keys.get(i)));
        }
        String secret = optional(LINKS_WEBHOOK_SECRET, "");
        if (!secret.isEmpty() && secret.length() < LinkSettings.MIN_SECRET_LENGTH) {
            problems.add(LINKS_WEBHOOK_SECRET + " has " + secret.length() + " characters; it needs at least "
                    + LinkSettings.MIN_SECRET_LENGTH + ": " + MAKE_A_KEY + howToSet(LINKS_WEBHOOK_SECRET));
        }
        Duration ttl = duration(LINKS_TTL, LinkSettings.DEFAULT_TTL.toString());
        int max = positiveInt(LINKS_MAX_PENDING, LinkSettings.DEFAULT_MAX_PENDING);
        String role = optional(LINKS_ISSUER_ROLE, LinkSettings.DEFAULT_ISSUER_ROLE);
        if (!keys.isEmpty() && !session.enabled()) {
            problems.add(LINKS_API_KEYS + " is set, but login links are signed with the session keys and sessions"
                    + " are off: set " + SESSION_ENABLED + "=true and " + SESSION_SIGNING_KEYS + " (" + MAKE_A_KEY
                    + "), or drop " + LINKS_API_KEYS + howToSet(SESSION_ENABLED));
        }
        java.util.Set<String> webhookHosts = new java.util.LinkedHashSet<>();
        for (String host : list(LINKS_WEBHOOK_ALLOWED_HOSTS).orElse(List.of())) {
            String lower = host.toLowerCase(Locale.ROOT);
            if (HOST_AND_PORT.matcher(lower).matches()) {
                webhookHosts.add(lower);
            } else {
                problems.add(LINKS_WEBHOOK_ALLOWED_HOSTS + ": '" + host + "' is not a host or host:port: write each as"
                        + " receiver.internal or receiver.internal:8443 (no scheme, no path)" + howToSet(LINKS_WEBHOOK_ALLOWED_HOSTS));
            }
        }
        return new LinkSettings(hashes, role, ttl == null ? LinkSettings.DEFAULT_TTL : ttl,
                secret.isEmpty() ? null : secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), max, webhookHosts);
    }

    /** How an API key is held in memory: a caller's key is hashed the same way and compared. */
    public static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private SessionSettings session(URI redirect) {
        boolean enabled = bool(SESSION_ENABLED, false);
        Duration ttl = duration(SESSION_TTL, SessionSettings.DEFAULT_TTL.toString());
        String cookieName = optional(SESSION_COOKIE_NAME, SessionSettings.DEFAULT_COOKIE_NAME);
        if (!COOKIE_NAME.matcher(cookieName).matches()) {
            problems.add(SESSION_COOKIE_NAME + "='" + cookieName + "' is not a cookie name: use letters, digits and"
                    + " - _ . only" + howToSet(SESSION_COOKIE_NAME));
        }
        List<String> groups = list(SESSION_GROUPS).orElse(SessionSettings.DEFAULT_GROUPS);
        if (!enabled) {
            return SessionSettings.OFF;
        }
        SigningKeys keys = signingKeys();
        boolean secure = redirect == null || !plainHttpOnThisMachine(redirect);
        return keys == null || ttl == null ? SessionSettings.OFF
                : new SessionSettings(true, keys, ttl, cookieName, groups, secure);
    }

    /** The keys, every fault named by the key's place in the list, never by its value. */
    private SigningKeys signingKeys() {
        Optional<List<String>> texts = list(SESSION_SIGNING_KEYS);
        if (texts.isEmpty()) {
            problems.add(SESSION_SIGNING_KEYS + " is missing: sessions are on (" + SESSION_ENABLED + "=true), so set"
                    + " it to one or more base64 keys of at least 256 bits, comma-separated, the first signing and"
                    + " all verifying (" + MAKE_A_KEY + "), or turn sessions off with " + SESSION_ENABLED + "=false"
                    + howToSet(SESSION_SIGNING_KEYS));
            return null;
        }
        List<byte[]> keys = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        for (int i = 0; i < texts.get().size(); i++) {
            String place = "key " + (i + 1) + " of " + texts.get().size();
            try {
                byte[] key = SigningKeys.decode(texts.get().get(i));
                if (key.length < SigningKeys.MIN_BYTES) {
                    faults.add(place + " has " + key.length * 8 + " bits");
                }
                keys.add(key);
            } catch (IllegalArgumentException notBase64) {
                faults.add(place + " is not base64");
            }
        }
        if (!faults.isEmpty()) {
            problems.add(SESSION_SIGNING_KEYS + ": " + String.join(", ", faults) + "; each key must be base64 of at"
                    + " least " + SigningKeys.MIN_BYTES * 8 + " bits: " + MAKE_A_KEY + howToSet(SESSION_SIGNING_KEYS));
            return null;
        }
        return SigningKeys.of(keys);
    }

    /** A comma-separated list without blank members, or empty when the key has no value. */
    private Optional<List<String>> list(String key) {
        return lookup.apply(key).map(text -> java.util.Arrays.stream(text.split(","))
                .map(String::trim).filter(v -> !v.isEmpty()).toList()).filter(values -> !values.isEmpty());
    }

    /**
     * Only whether sessions are on, for what must decide before the settings exist (which beans and
     * filters there are); a value other than {@code true} is off here and reported by {@link #read}.
     */
    public static boolean sessionsEnabled(Function<String, Optional<String>> lookup) {
        return lookup.apply(SESSION_ENABLED).map(String::trim).filter("true"::equalsIgnoreCase).isPresent();
    }

    /** Plain http to this machine: development, where a browser would not send a Secure cookie back. */
    public static boolean plainHttpOnThisMachine(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        return "http".equalsIgnoreCase(uri.getScheme()) && local;
    }

    private RequestLimits limits() {
        int maxJwt = size(MAX_JWT_LENGTH, RequestLimits.DEFAULT_MAX_JWT_LENGTH);
        int maxBody = size(MAX_BODY, RequestLimits.DEFAULT_MAX_BODY);
        Duration bodyTimeout = duration(BODY_TIMEOUT, RequestLimits.DEFAULT_BODY_TIMEOUT.toString());
        if (maxBody > LARGEST_MAX_BODY) {
            problems.add(MAX_BODY + "=" + maxBody + " is above " + LARGEST_MAX_BODY + " bytes, the most a login"
                    + " body needs: lower it" + howToSet(MAX_BODY));
        } else if (maxBody < maxJwt + RequestLimits.JSON_ROOM) {
            problems.add(MAX_BODY + "=" + maxBody + " cannot hold a JWT of " + MAX_JWT_LENGTH + "=" + maxJwt
                    + ": raise " + MAX_BODY + " to at least " + (maxJwt + RequestLimits.JSON_ROOM) + " or lower "
                    + MAX_JWT_LENGTH + howToSet(MAX_BODY));
        }
        return maxJwt > 0 && maxBody > 0 && bodyTimeout != null
                ? new RequestLimits(maxBody, maxJwt, bodyTimeout) : RequestLimits.DEFAULTS;
    }

    /** Bytes, or with a binary unit: {@code 16384}, {@code 16k}, {@code 16KiB}, {@code 1MiB}. */
    private int size(String key, int defaultValue) {
        String text = optional(key, String.valueOf(defaultValue));
        Matcher m = SIZE.matcher(text.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long unit = m.group(2) == null || m.group(2).equals("b") ? 1 : m.group(2).startsWith("k") ? 1024 : 1024 * 1024;
            long value = Long.parseLong(m.group(1)) * unit;
            if (value > 0 && value <= Integer.MAX_VALUE) {
                return (int) value;
            }
        }
        problems.add(key + "='" + text + "' is not a positive size: use bytes (16384) or KiB/MiB (16KiB)"
                + howToSet(key));
        return -1;
    }

    /** Null for {@code memory}; the Redis location for {@code redis}. */
    private RedisLocation pendingStore() {
        String store = optional(PENDING_STORE, "memory").toLowerCase(Locale.ROOT);
        if (store.equals("memory")) {
            return null;
        }
        if (!store.equals("redis")) {
            problems.add(PENDING_STORE + "='" + store + "' is neither memory nor redis" + howToSet(PENDING_STORE));
            return null;
        }
        if (!onClassPath.test(REDIS_CLIENT_CLASS)) {
            problems.add(PENDING_STORE + "=redis needs the Redis client, which is not on the class path: add "
                    + REDIS_CLIENT_ARTIFACT + " to your application (the WAR carries it; the classes jar leaves it"
                    + " to the applications that use Redis), or set " + PENDING_STORE + "=memory");
        }
        String uri = required(REDIS_URI, "the Redis server that all replicas share, e.g. redis://127.0.0.1:6379/0");
        if (uri == null) {
            return null;
        }
        boolean cluster = bool(REDIS_CLUSTER, false);
        RedisLocation location;
        try {
            location = RedisLocation.parse(uri, cluster);
        } catch (IllegalArgumentException e) {
            // the value may hold a password: name the key and the fault, never the value
            problems.add(REDIS_URI + " cannot be used: " + e.getMessage() + "; use redis://[[user]:password@]host:port/db,"
                    + " rediss://… for TLS, redis-sentinel://[[user]:password@]host:26379[,host:26379]/db#primary-name,"
                    + " or for a cluster redis://[[user]:password@]node:6379[,node:6379…] with " + REDIS_CLUSTER + "=true"
                    + howToSet(REDIS_URI));
            return null;
        }
        return redisTls(location);
    }

    private URI realHost(String key, URI uri, String rightUrl) {
        if (uri != null && INVENTED_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            problems.add(key + "='" + uri + "' names " + uri.getHost() + ", a host that does not exist"
                    + " (every call would fail with a network error): use " + rightUrl + howToSet(key));
            return null;
        }
        return uri;
    }

    private int positiveInt(String key, int defaultValue) {
        String text = optional(key, String.valueOf(defaultValue));
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the key
        }
        problems.add(key + "='" + text + "' is not a positive whole number" + howToSet(key));
        return defaultValue;
    }

    private boolean bool(String key, boolean defaultValue) {
        String text = optional(key, String.valueOf(defaultValue)).toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        problems.add(key + "='" + text + "' is neither true nor false" + howToSet(key));
        return defaultValue;
    }

    private String required(String key, String what) {
        Optional<String> value = lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            problems.add(key + " is missing: set it to " + what + howToSet(key));
            return null;
        }
        return value.get();
    }

    private String optional(String key, String defaultValue) {
        return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(defaultValue);
    }

    private URI url(String key, String text) {
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with the key
        }
        problems.add(key + "='" + text + "' is not an absolute http(s) URL without user info or"
                + " fragment: fix the value" + howToSet(key));
        return null;
    }

    private Duration duration(String key, String defaultValue) {
        String text = optional(key, defaultValue);
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(key + "='" + text + "' is not a positive duration: use ISO-8601 (PT15S)"
                    + " or a short form (15s, 500ms)" + howToSet(key));
            return null;
        }
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    /** MicroProfile Config maps {@code altscodex.client-id} to {@code ALTSCODEX_CLIENT_ID}. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The location with its TLS trust, each problem by key; the passwords only open the stores. */
    private RedisLocation redisTls(RedisLocation location) {
        String trustStore = optional(REDIS_TRUST_STORE, null);
        String caFile = optional(REDIS_CA_FILE, null);
        String keyStore = optional(REDIS_KEY_STORE, null);
        boolean verifyHostname = bool(REDIS_VERIFY_HOSTNAME, true);
        if (trustStore == null && caFile == null && keyStore == null && verifyHostname) {
            return location;
        }
        if (!location.secure()) {
            String set = trustStore != null ? REDIS_TRUST_STORE : caFile != null ? REDIS_CA_FILE
                    : keyStore != null ? REDIS_KEY_STORE : REDIS_VERIFY_HOSTNAME;
            problems.add(set + " is set, but " + REDIS_URI + " does not use TLS: use rediss:// (or rediss-sentinel://),"
                    + " or leave the TLS keys out" + howToSet(REDIS_URI));
            return location;
        }
        if (trustStore != null && caFile != null) {
            problems.add(REDIS_TRUST_STORE + " and " + REDIS_CA_FILE + " are both set: set the one that holds the CA"
                    + " which signed Redis's certificate");
        }
        RedisTls.Trust trust = null;
        try {
            trust = trustStore != null ? RedisTls.trustStore(Path.of(trustStore), password(REDIS_TRUST_STORE_PASSWORD))
                    : caFile != null ? RedisTls.caFile(Path.of(caFile)) : null;
        } catch (IllegalArgumentException e) {
            String key = trustStore != null ? REDIS_TRUST_STORE : REDIS_CA_FILE;
            problems.add(key + "=" + (trustStore != null ? trustStore : caFile) + " " + e.getMessage()
                    + (trustStore != null ? " (its password is " + REDIS_TRUST_STORE_PASSWORD + ")" : "") + howToSet(key));
        }
        javax.net.ssl.KeyManagerFactory keys = null;
        if (keyStore != null) {
            char[] password = password(REDIS_KEY_STORE_PASSWORD);
            if (password == null) {
                problems.add(REDIS_KEY_STORE_PASSWORD + " is missing: the password of " + REDIS_KEY_STORE
                        + howToSet(REDIS_KEY_STORE_PASSWORD));
            } else {
                try {
                    keys = RedisTls.keyStore(Path.of(keyStore), password);
                } catch (IllegalArgumentException e) {
                    problems.add(REDIS_KEY_STORE + "=" + keyStore + " " + e.getMessage() + " (its password is "
                            + REDIS_KEY_STORE_PASSWORD + ")" + howToSet(REDIS_KEY_STORE));
                }
            }
        }
        return location.withTls(RedisTls.of(trust, keys, keyStore, verifyHostname));
    }

    private char[] password(String key) {
        String value = optional(key, null);
        return value == null ? null : value.toCharArray();
    }

    private static String howToSet(String key) {
        return " (in microprofile-config.properties as " + key + "=…, or as the environment variable "
                + environmentName(key) + ")";
    }
}
