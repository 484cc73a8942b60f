package com.altscodex.jakarta.error;

import jakarta.json.spi.JsonProvider;

/**
 * The module's JSON error, {@code {"success": false, "error": "…", "code": "…"}}: one builder for
 * the answers of the endpoints and for those written outside JAX-RS (the session mechanism, the
 * cross-origin filter).
 */
public final class ErrorJson {
    private static final JsonProvider JSON = JsonProvider.provider();

    private ErrorJson() {
    }

    public static String body(AltsCodexException failure) {
        return body(failure.code().name(), failure.getMessage());
    }

    public static String body(String code, String message) {
        return JSON.createObjectBuilder()
                .add("success", false)
                .add("error", message)
                .add("code", code)
                .build().toString();
    }
}
