package com.altscodex.jakarta.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browsers resend a POST answered 408 on a kept-alive connection (Chromium does, twice), taking
 * the status for an idle connection being closed. So a timed-out login would be run again, and
 * the person would wait two or three whole timeouts. For a few seconds after a timeout, the same
 * JWT is answered 408 at once instead. Only a digest of the JWT is kept.
 */
final class RecentTimeouts {
    static final long WINDOW_NANOS = 5_000_000_000L;
    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Long> expiries = new ConcurrentHashMap<>();

    void add(String jwt) {
        long now = System.nanoTime();
        if (expiries.size() >= MAX_ENTRIES) {
            expiries.values().removeIf(expiry -> expiry - now < 0);
        }
        if (expiries.size() < MAX_ENTRIES) {
            expiries.put(digest(jwt), now + WINDOW_NANOS);
        }
    }

    boolean contains(String jwt) {
        Long expiry = expiries.get(digest(jwt));
        return expiry != null && expiry - System.nanoTime() > 0;
    }

    private static String digest(String jwt) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(jwt.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
