package com.altscodex.jakarta.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.altscodex.jakarta.SlotInfo;
import com.altscodex.jakarta.error.ExpiredTokenException;
import org.junit.jupiter.api.Test;

class LoginJsonTest {

    @Test
    void theJwtIsReadFromAJsonObject() {
        String json = "application/json";
        assertEquals("abc", LoginJson.jwtFrom(json, "{\"jwt\": \"abc\", \"other\": 1}"));
        assertEquals("abc", LoginJson.jwtFrom(null, "{\"jwt\": \"abc\"}"));
        assertNull(LoginJson.jwtFrom(json, "{\"jwt\": 42}"));
        assertNull(LoginJson.jwtFrom(json, "[\"abc\"]"));
        assertNull(LoginJson.jwtFrom(json, "{bad json"));
        assertNull(LoginJson.jwtFrom(json, ""));
        assertNull(LoginJson.jwtFrom(null, null));
    }

    @Test
    void theJwtIsReadFromAFormField() {
        String form = "application/x-www-form-urlencoded; charset=UTF-8";
        assertEquals("a.b+c", LoginJson.jwtFrom(form, "other=1&jwt=a.b%2Bc"));
        assertNull(LoginJson.jwtFrom(form, "other=1"));
        assertNull(LoginJson.jwtFrom(form, "jwt=%zz"));
        assertNull(LoginJson.jwtFrom(form, null));
    }

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
