package com.altscodex.jakarta.links;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;

/**
 * A link record as Redis keeps it: one JSON object, {@code expiresAt} in epoch millis, an absent
 * field for null. The scripts of {@link RedisLinkStore} read and rewrite {@code status},
 * {@code outcome}, {@code expiresAt}, {@code id} and {@code userCode} by these names.
 */
final class LinkJson {
    private static final JsonProvider JSON = JsonProvider.provider();

    private LinkJson() {
    }

    static String encode(LinkRecord link) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("expiresAt", link.expiresAt().toEpochMilli())
                .add("status", link.status().name());
        add(json, "id", link.id());
        add(json, "subject", link.subject());
        add(json, "userCode", link.userCode());
        add(json, "webhookUrl", link.webhookUrl());
        add(json, "outcome", link.outcome());
        return json.build().toString();
    }

    static LinkRecord decode(String text) {
        JsonObject json = JSON.createReader(new StringReader(text)).readObject();
        return new LinkRecord(text(json, "id"), text(json, "subject"), text(json, "userCode"),
                text(json, "webhookUrl"), Instant.ofEpochMilli(json.getJsonNumber("expiresAt").longValue()),
                LinkStatus.valueOf(json.getString("status")), text(json, "outcome"));
    }

    private static void add(JsonObjectBuilder builder, String name, String value) {
        if (value != null) {
            builder.add(name, value);
        }
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString string ? string.getString() : null;
    }
}
