package com.altscodex.jakarta.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Sends query parameters sorted by name and form-encoded, the bytes the Go sibling's
 * {@code url.Values.Encode} produces. The Rest Client's own order is unspecified, and the server
 * is not ours to test against every order.
 */
final class CanonicalQuery implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        URI uri = request.getUri();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return;
        }
        Map<String, String> sorted = new TreeMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            sorted.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        StringJoiner query = new StringJoiner("&");
        sorted.forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
        String text = uri.toString();
        request.setUri(URI.create(text.substring(0, text.indexOf('?') + 1) + query));
    }

    private static String decode(String text) {
        // the Rest Client percent-encodes; a literal '+' it leaves alone must stay a '+'
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
