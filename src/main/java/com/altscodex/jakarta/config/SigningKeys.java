package com.altscodex.jakarta.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The session signing keys ({@code altscodex.session.signing-keys}): the first signs, every one
 * verifies, so a new key can be put in front without logging anyone out. Each key is known by an
 * id derived from a hash of it, which travels in the token's header; the keys themselves never
 * leave this object ({@link #toString()} names only the ids).
 */
public final class SigningKeys {
    /** 256 bits: HMAC-SHA256's own strength. */
    public static final int MIN_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final String signingId;
    private final Map<String, Key> byId;

    private SigningKeys(Map<String, Key> byId) {
        this.byId = Map.copyOf(byId);
        this.signingId = byId.keySet().iterator().next();
    }

    /** @throws IllegalArgumentException when there is no key or one is shorter than {@link #MIN_BYTES} */
    public static SigningKeys of(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no signing key");
        }
        Map<String, Key> byId = new LinkedHashMap<>();
        for (byte[] key : keys) {
            if (key.length < MIN_BYTES) {
                throw new IllegalArgumentException("a signing key is shorter than " + MIN_BYTES * 8 + " bits");
            }
            byId.computeIfAbsent(idOf(key), id -> Key.of(new SecretKeySpec(key, ALGORITHM)));
        }
        return new SigningKeys(byId);
    }

    /**
     * Reads one key as base64 (standard or URL-safe, padding optional), as {@code openssl rand
     * -base64 32} prints it.
     *
     * @throws IllegalArgumentException when the text is not base64
     */
    public static byte[] decode(String text) {
        String trimmed = text.trim();
        return trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                ? Base64.getUrlDecoder().decode(trimmed) : Base64.getDecoder().decode(trimmed);
    }

    public String signingId() {
        return signingId;
    }

    /** The MAC of {@code signed} under the signing key. */
    public byte[] mac(byte[] signed) {
        return byId.get(signingId).fresh().doFinal(signed);
    }

    /** The MAC of {@code signed} under the key of this id, or null when the id is not one of ours. */
    public byte[] mac(String id, byte[] signed) {
        Key key = byId.get(id);
        return key == null ? null : key.fresh().doFinal(signed);
    }

    /**
     * A key and a Mac keyed with it that is never used itself (a Mac is not thread-safe), only
     * copied: a copy skips the provider lookup and key set-up that {@code getInstance} and
     * {@code init} cost on every session cookie.
     */
    private record Key(SecretKeySpec spec, Mac keyed) {
        static Key of(SecretKeySpec spec) {
            return new Key(spec, newMac(spec));
        }

        Mac fresh() {
            try {
                return (Mac) keyed.clone();
            } catch (CloneNotSupportedException e) {
                return newMac(spec);
            }
        }

        @Override
        public String toString() {
            return "Key[" + ALGORITHM + "]";
        }
    }

    private static Mac newMac(SecretKeySpec spec) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, e);
        }
    }

    public int size() {
        return byId.size();
    }

    /** Eight URL-safe characters of a SHA-256 over the key: enough to tell keys apart, nothing to guess them by. */
    private static String idOf(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("altscodex-session-key-id:".getBytes(StandardCharsets.US_ASCII));
            byte[] hash = sha.digest(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKeys[signing=" + signingId + ", verifying=" + byId.keySet() + "]";
    }
}
