package com.altscodex.jakarta.error;

import java.util.regex.Pattern;

/**
 * Server-supplied codes go into messages only when they look like an error code
 * ({@code EXPIRED_TOKEN}, {@code invalid_client}): the callback's {@code code} parameter carries
 * the single-use authorization code on success, and that must never reach a log or an answer.
 */
final class Codes {
    private static final Pattern ERROR_CODE =
            Pattern.compile("[A-Z][A-Z0-9_]{1,47}|[a-z]+(_[a-z0-9]+){1,5}");

    private Codes() {
    }

    static String safe(String code) {
        return code != null && ERROR_CODE.matcher(code).matches() ? code : null;
    }

    static String describe(String code) {
        String safe = safe(code);
        return safe == null ? "" : " (" + safe + ")";
    }
}
