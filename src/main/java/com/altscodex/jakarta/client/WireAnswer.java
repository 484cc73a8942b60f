package com.altscodex.jakarta.client;

import jakarta.json.JsonObject;
import java.util.Optional;

/** What the DeOAuth server answered: its status and the body when it is a JSON object. */
public record WireAnswer(int status, Optional<JsonObject> json) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
