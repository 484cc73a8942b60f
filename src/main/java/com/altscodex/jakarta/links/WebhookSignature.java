package com.altscodex.jakarta.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-AltsCodex-Signature} of a webhook, as common webhook providers sign theirs:
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} with {@code altscodex.links.webhook-secret}.
 * The time inside the signed text lets a receiver refuse a replay after a few minutes.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-AltsCodex-Signature";

    private WebhookSignature() {
    }

    public static String sign(byte[] secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac(secret, unixSeconds + "." + body));
    }

    /** Whether {@code header} signs {@code body} with {@code secret}: what a receiver checks (with the time). */
    public static boolean verifies(byte[] secret, String header, String body) {
        String time = null;
        String given = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                time = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                given = pair[1];
            }
        }
        if (time == null || given == null) {
            return false;
        }
        try {
            return MessageDigest.isEqual(mac(secret, time + "." + body), HexFormat.of().parseHex(given));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
    }

    private static byte[] mac(byte[] secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
