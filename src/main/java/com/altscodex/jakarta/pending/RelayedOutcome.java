package com.altscodex.jakarta.pending;

import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.CallbackRejectedException;
import com.altscodex.jakarta.error.ShutdownException;
import com.altscodex.jakarta.error.UpstreamHttpException;
import com.altscodex.jakarta.error.UpstreamUnavailableException;
import com.altscodex.jakarta.wire.SlotInfo;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * How a login's outcome travels from the replica that exchanged the code to the one that waits:
 * one JSON message, {@code {"state", "slot": {…}}} or {@code {"state", "failure": {…}}}.
 */
final class RelayedOutcome {
    private static final JsonProvider JSON = JsonProvider.provider();

    final String state;
    final SlotInfo slot;
    final AltsCodexException failure;

    private RelayedOutcome(String state, SlotInfo slot, AltsCodexException failure) {
        this.state = state;
        this.slot = slot;
        this.failure = failure;
    }

    static String encode(String state, SlotInfo slot) {
        JsonObjectBuilder s = JSON.createObjectBuilder().add("id", slot.id()).add("tr_cnt", slot.trCnt());
        add(s, "access_token", slot.accessToken());
        add(s, "content_address", slot.contentAddress());
        add(s, "token_nickname", slot.tokenNickname());
        add(s, "code", slot.code());
        return JSON.createObjectBuilder().add("state", state).add("slot", s).build().toString();
    }

    static String encode(String state, AltsCodexException failure) {
        JsonObjectBuilder f = JSON.createObjectBuilder().add("code", failure.code().name());
        if (failure instanceof CallbackRejectedException rejected) {
            add(f, "reason", rejected.reason());
        } else if (failure instanceof UpstreamHttpException http) {
            f.add("endpoint", http.endpoint()).add("status", http.upstreamStatus());
            add(f, "reason", http.serverCode());
        }
        return JSON.createObjectBuilder().add("state", state).add("failure", f).build().toString();
    }

    /** @throws RuntimeException when the message is not one of ours */
    static RelayedOutcome decode(String message) {
        JsonObject json = JSON.createReader(new StringReader(message)).readObject();
        String state = json.getString("state");
        JsonObject slot = json.getJsonObject("slot");
        if (slot != null) {
            return new RelayedOutcome(state, new SlotInfo(slot.getString("id"), text(slot, "access_token"),
                    text(slot, "content_address"), text(slot, "token_nickname"),
                    slot.getJsonNumber("tr_cnt").longValue(), text(slot, "code")), null);
        }
        JsonObject f = json.getJsonObject("failure");
        AltsCodexException failure = switch (f.getString("code")) {
            case "CALLBACK_REJECTED" -> new CallbackRejectedException(text(f, "reason"));
            case "UPSTREAM_UNAVAILABLE" -> new UpstreamUnavailableException();
            case "SHUTDOWN" -> new ShutdownException();
            default -> new UpstreamHttpException(f.containsKey("endpoint") ? f.getString("endpoint") : "get_token",
                    f.get("status") instanceof JsonNumber status ? status.intValue() : 0, null, text(f, "reason"));
        };
        return new RelayedOutcome(state, null, failure);
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
