package com.altscodex.jakarta.client;

import com.altscodex.jakarta.wire.SlotInfo;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Optional;

/** The DeOAuth server's JSON, read leniently: unknown fields are ignored, numbers may be strings. */
final class WireJson {
    /** Looked up once: {@code Json.createReader} searches for the provider on every call. */
    static final JsonProvider JSON = JsonProvider.provider();

    private WireJson() {
    }

    /** The body as a JSON object, or empty when it is empty, not JSON, or not an object. */
    static Optional<JsonObject> object(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (var reader = JSON.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** {@code {"data": [slot, …]}} (the first), {@code {"data": slot}} or a flat slot; empty without an id. */
    static Optional<SlotInfo> slot(JsonObject answer) {
        JsonValue data = answer.get("data");
        JsonObject slot = answer;
        if (data instanceof JsonArray array) {
            slot = array.isEmpty() || !(array.get(0) instanceof JsonObject first) ? null : first;
        } else if (data instanceof JsonObject object) {
            slot = object;
        }
        if (slot == null || text(slot, "id") == null) {
            return Optional.empty();
        }
        return Optional.of(new SlotInfo(text(slot, "id"), text(slot, "access_token"),
                text(slot, "content_address"), text(slot, "token_nickname"),
                number(slot, "tr_cnt"), text(slot, "code")));
    }

    /** True only for {@code "success": true} (or the strings "true" / "1" some proxies produce). */
    static boolean success(JsonObject answer) {
        JsonValue value = answer.get("success");
        if (value == JsonValue.TRUE) {
            return true;
        }
        String text = value == null ? null : text(answer, "success");
        return "true".equals(text) || "1".equals(text);
    }

    static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        return null;
    }

    private static long number(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value instanceof JsonNumber number) {
            return number.longValue();
        }
        String text = text(object, name);
        try {
            return text == null ? 0 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
