package com.altscodex.jakarta.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.altscodex.jakarta.error.ExpiredTokenException;
import com.altscodex.jakarta.wire.SlotInfo;
import org.junit.jupiter.api.Test;

class LoginJsonTest {

    @Test
    void aSlotGoesOutWithoutItsAccessTokenAndCode() {
        var response = LoginJson.success(new SlotInfo("id-1", "access-secret", "0xabc", "nick", 3, "code-secret"));
        String body = (String) response.getEntity();
        assertEquals("{\"success\":true,\"data\":{\"id\":\"id-1\",\"content_address\":\"0xabc\","
                + "\"token_nickname\":\"nick\",\"tr_cnt\":3}}", body);
        assertFalse(body.contains("secret"));
    }

    @Test
    void overloadedCarriesRetryAfter() {
        var response = LoginJson.failure(new com.altscodex.jakarta.error.OverloadedException(10, 2));
        assertEquals(503, response.getStatus());
        assertEquals("2", String.valueOf(response.getHeaders().getFirst("Retry-After")));
    }

    @Test
    void aFailureCarriesItsStatusMessageAndCode() {
        var response = LoginJson.failure(new ExpiredTokenException());
        assertEquals(401, response.getStatus());
        assertEquals("{\"success\":false,\"error\":\"the JWT has expired (EXPIRED_TOKEN)\",\"code\":\"EXPIRED_TOKEN\"}",
                response.getEntity());
    }
}
