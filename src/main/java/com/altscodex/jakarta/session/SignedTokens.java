package com.altscodex.jakarta.session;

import com.altscodex.jakarta.config.SigningKeys;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Claims signed in the compact JWS form (RFC 7515) with HMAC-SHA256: a header naming the key
 * ({@code {"alg":"HS256","typ":"JWT","kid":…}}), the claims and the MAC, each base64url. Opening is
 * strict: exactly three parts of URL-safe base64 without padding, the one algorithm, a known key,
 * the MAC compared in constant time before the claims are even parsed. What the claims mean is the
 * caller's ({@link SessionTokens}, login links).
 */
public final class SignedTokens {
    /** Far above a real token (a few hundred characters); anything longer is refused unread. */
    static final int MAX_LENGTH = 4096;
    private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SigningKeys keys;
    private final String header;

    public SignedTokens(SigningKeys keys) {
        if (keys == null) {
            throw new IllegalArgumentException("signed tokens need keys");
        }
        this.keys = keys;
        this.header = encode(JSON.createObjectBuilder().add("alg", "HS256").add("typ", "JWT")
                .add("kid", keys.signingId()).build().toString());
    }

    /** The claims, signed with the first key. */
    public String sign(JsonObject claims) {
        String signed = header + "." + encode(claims.toString());
        return signed + "." + ENCODER.encodeToString(keys.mac(signed.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The claims of a token one of our keys signed, or why it is none. */
    public Opened open(String token) {
        if (token == null || token.length() > MAX_LENGTH || !COMPACT.matcher(token).matches()) {
            return Opened.refused("the token is malformed");
        }
        int firstDot = token.indexOf('.');
        int lastDot = token.lastIndexOf('.');
        JsonObject head = object(token.substring(0, firstDot));
        if (head == null || !"HS256".equals(text(head, "alg"))) {
            return Opened.refused("the token is malformed");
        }
        String keyId = text(head, "kid");
        byte[] expected = keyId == null ? null
                : keys.mac(keyId, token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        if (expected == null) {
            return Opened.refused("the token is signed with a key this server does not hold");
        }
        byte[] given = bytes(token.substring(lastDot + 1));
        if (given == null || !MessageDigest.isEqual(expected, given)) {
            return Opened.refused("the token's signature does not match");
        }
        JsonObject claims = object(token.substring(firstDot + 1, lastDot));
        return claims == null ? Opened.refused("the token is malformed") : new Opened(claims, null);
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

    static String text(JsonObject object, String name) {
        return object.get(name) instanceof jakarta.json.JsonString string ? string.getString() : null;
    }

    static Long seconds(JsonObject object, String name) {
        return object.get(name) instanceof jakarta.json.JsonNumber number && number.isIntegral() ? number.longValue() : null;
    }

    /** The claims of a token that holds, or the words of why it does not. */
    public record Opened(JsonObject claims, String refusal) {
        static Opened refused(String why) {
            return new Opened(null, why);
        }

        public boolean holds() {
            return claims != null;
        }

        public String text(String name) {
            return claims == null ? null : SignedTokens.text(claims, name);
        }

        public Long seconds(String name) {
            return claims == null ? null : SignedTokens.seconds(claims, name);
        }
    }
}
