package com.altscodex.jakarta.dev;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request the mock DeOAuth server received, as it arrived.
 *
 * @param rawQuery the query string exactly as sent, or null
 * @param headers header names in lower case
 */
public record RecordedRequest(String method, String path, String rawQuery,
        Map<String, List<String>> headers, String body) {

    /** The decoded query parameters, in the order they were sent (the last one of a repeated name wins). */
    public Map<String, String> query() {
        return parseQuery(rawQuery);
    }

    /** Decodes a raw query string; the last value of a repeated name wins. */
    public static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String toString() {
        return method + " " + path + (rawQuery == null ? "" : "?…");
    }
}
