package com.altscodex.jakarta.session;

import com.altscodex.jakarta.error.ErrorCode;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session tokens in the compact JWS form (RFC 7515) with HMAC-SHA256: a header naming the key
 * ({@code {"alg":"HS256","typ":"JWT","kid":…}}), the claims ({@code sub} the slot id, {@code nick},
 * {@code iat}, {@code exp}) and the MAC, each base64url. Any replica holding the same keys checks a
 * token locally, with no store and no call upstream.
 *
 * <p>Checking is strict: exactly three parts of URL-safe base64 without padding, the one algorithm,
 * a known key, the MAC compared in constant time before the claims are even parsed.
 */
public final class SessionTokens {
    /** Far above a real token (about 250 characters); anything longer is refused unread. */
    static final int MAX_LENGTH = 4096;
    private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Replicas' clocks differ a little; a token issued further ahead than this is not ours. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final SigningKeys keys;
    private final Duration ttl;
    private final Clock clock;
    private final String header;

    public SessionTokens(SigningKeys keys, Duration ttl, Clock clock) {
        if (keys == null || ttl == null || ttl.isNegative() || ttl.isZero() || clock == null) {
            throw new IllegalArgumentException("session tokens need keys, a positive lifetime and a clock");
        }
        this.keys = keys;
        this.ttl = ttl;
        this.clock = clock;
        this.header = encode(JSON.createObjectBuilder().add("alg", "HS256").add("typ", "JWT")
                .add("kid", keys.signingId()).build().toString());
    }

    /** A session for the slot, valid for the configured lifetime from now. */
    public Issued issue(String slotId, String nickname) {
        // the claims hold whole seconds: the user says what the token says
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SessionUser user = new SessionUser(slotId, nickname, now, now.plus(ttl));
        var claims = JSON.createObjectBuilder().add("sub", slotId);
        if (nickname != null) {
            claims.add("nick", nickname);
        }
        claims.add("iat", user.issuedAt().getEpochSecond()).add("exp", user.expiresAt().getEpochSecond());
        String signed = header + "." + encode(claims.build().toString());
        return new Issued(signed + "." + ENCODER.encodeToString(mac(keys.signingKey(), signed)), user);
    }

    /** Whether {@code token} is a live session of ours, and if not, why. */
    public Verdict verify(String token) {
        if (token == null || token.length() > MAX_LENGTH || !COMPACT.matcher(token).matches()) {
            return Verdict.refused(ErrorCode.SESSION_INVALID, "the session token is malformed");
        }
        int firstDot = token.indexOf('.');
        int lastDot = token.lastIndexOf('.');
        JsonObject head = object(token.substring(0, firstDot));
        if (head == null || !"HS256".equals(text(head, "alg"))) {
            return Verdict.refused(ErrorCode.SESSION_INVALID, "the session token is malformed");
        }
        String keyId = text(head, "kid");
        SecretKeySpec key = keyId == null ? null : keys.key(keyId);
        if (key == null) {
            return Verdict.refused(ErrorCode.SESSION_INVALID, "the session is signed with a key this server does not hold");
        }
        byte[] expected = mac(key, token.substring(0, lastDot));
        byte[] given = bytes(token.substring(lastDot + 1));
        if (given == null || !MessageDigest.isEqual(expected, given)) {
            return Verdict.refused(ErrorCode.SESSION_INVALID, "the session token's signature does not match");
        }
        JsonObject claims = object(token.substring(firstDot + 1, lastDot));
        String slotId = claims == null ? null : text(claims, "sub");
        Long issuedAt = claims == null ? null : seconds(claims, "iat");
        Long expiresAt = claims == null ? null : seconds(claims, "exp");
        if (slotId == null || slotId.isEmpty() || issuedAt == null || expiresAt == null) {
            return Verdict.refused(ErrorCode.SESSION_INVALID, "the session token is malformed");
        }
        Instant now = clock.instant();
        if (now.getEpochSecond() >= expiresAt) {
            return Verdict.refused(ErrorCode.SESSION_EXPIRED, "the session has expired: log in again");
        }
        if (Instant.ofEpochSecond(issuedAt).isAfter(now.plus(CLOCK_SKEW))) {
            return Verdict.refused(ErrorCode.SESSION_INVALID, "the session was issued in the future");
        }
        return Verdict.valid(new SessionUser(slotId, text(claims, "nick"), Instant.ofEpochSecond(issuedAt),
                Instant.ofEpochSecond(expiresAt)));
    }

    public Duration ttl() {
        return ttl;
    }

    private static byte[] mac(SecretKeySpec key, String signed) {
        try {
            Mac mac = Mac.getInstance(SigningKeys.ALGORITHM);
            mac.init(key);
            return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + SigningKeys.ALGORITHM, e);
        }
    }

    private static String encode(String json) {
        return ENCODER.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The part's bytes, or null when its length is no base64's. */
    private static byte[] bytes(String part) {
        try {
            return DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The part as a JSON object, or null when it is none. */
    private static JsonObject object(String part) {
        byte[] bytes = bytes(part);
        if (bytes == null) {
            return null;
        }
        try {
            JsonValue value = JSON.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8))).readValue();
            return value instanceof JsonObject object ? object : null;
        } catch (JsonException e) {
            return null;
        }
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString string ? string.getString() : null;
    }

    private static Long seconds(JsonObject object, String name) {
        return object.get(name) instanceof JsonNumber number && number.isIntegral() ? number.longValue() : null;
    }

    /** A new session: the token to hand out and whose it is. {@link #toString()} leaves the token out. */
    public record Issued(String token, SessionUser user) {
        @Override
        public String toString() {
            return "Issued[user=" + user.slotId() + ", expiresAt=" + user.expiresAt() + ", token=****]";
        }
    }

    /** A live session's user, or the code and words of why the token was refused. */
    public record Verdict(SessionUser user, ErrorCode refusal, String reason) {
        static Verdict valid(SessionUser user) {
            return new Verdict(user, null, null);
        }

        static Verdict refused(ErrorCode code, String reason) {
            return new Verdict(null, code, reason);
        }

        public boolean isValid() {
            return user != null;
        }
    }
}
