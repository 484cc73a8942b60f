package com.altscodex.jakarta.wire;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * The part of a slot that may leave the server: never its access token or code
 * ({@link SlotInfo#accessToken()}, {@link SlotInfo#code()}). Every answer that carries a slot,
 * the login's, a login link's and its page's, builds it here.
 */
public final class SlotJson {
    private static final JsonProvider JSON = JsonProvider.provider();

    private SlotJson() {
    }

    /** {@code {id, content_address, token_nickname, tr_cnt}}, leaving out the members the slot lacks. */
    public static JsonObjectBuilder publicPart(SlotInfo slot) {
        var data = JSON.createObjectBuilder().add("id", slot.id());
        if (slot.contentAddress() != null) {
            data.add("content_address", slot.contentAddress());
        }
        if (slot.tokenNickname() != null) {
            data.add("token_nickname", slot.tokenNickname());
        }
        return data.add("tr_cnt", slot.trCnt());
    }
}
