package com.altscodex.jakarta.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.altscodex.jakarta.config.RequestLimits;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginBodyTest {
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final RequestLimits LIMITS = new RequestLimits(1024, 64, Duration.ofSeconds(1));

    private static String jwt(String contentType, String body) {
        return LoginBody.jwt(contentType, body.getBytes(StandardCharsets.UTF_8), LIMITS);
    }

    private static ErrorCode refused(String contentType, byte[] body) {
        AltsCodexException e = assertThrows(AltsCodexException.class, () -> LoginBody.jwt(contentType, body, LIMITS));
        assertFalse(e.getMessage().contains("secret-jwt"), e.getMessage());
        return e.code();
    }

    private static ErrorCode refused(String contentType, String body) {
        return refused(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theJwtIsReadFromOneJsonObject() {
        assertEquals("a.b-c_d", jwt(JSON, "{\"jwt\": \"a.b-c_d\", \"other\": {\"x\": [1, 2]}, \"n\": null}"));
        assertEquals("abc", jwt(null, " {\"jwt\":\"abc\"} \n"));
        assertEquals("abc", jwt("application/json; charset=UTF-8", "{\"jwt\":\"abc\"}"));
        assertEquals("abc", jwt("text/plain;charset=utf-8", "{\"jwt\":\"abc\"}"));
        assertEquals("abc", jwt("application/vnd.game+json", "{\"jwt\":\"abc\"}"));
    }

    @Test
    void anythingButOneJsonObjectIsABadRequest() {
        for (String body : new String[] {"", "{}", "{\"jwt\": 42}", "[\"abc\"]", "{bad json", "\"abc\"",
                "{\"jwt\":\"ok-x\"} trailing garbage", "{\"jwt\":\"ok-x\"}{\"jwt\":\"ok-y\"}",
                "{\"jwt\":\"a\",\"jwt\":\"b\"}", "{\"jwt\":\"secret-jwt\"", "null"}) {
            assertEquals(ErrorCode.BAD_REQUEST, refused(JSON, body), body);
        }
    }

    @Test
    void theJwtMustBeShapedLikeOneAndNotTooLong() {
        for (String body : new String[] {"{\"jwt\":\"a\\u0000b\"}", "{\"jwt\":\"\\ud800\"}", "{\"jwt\":\"a b\"}",
                "{\"jwt\":\"<script>\"}", "{\"jwt\":\"ä\"}", "{\"jwt\":\"" + "a".repeat(65) + "\"}"}) {
            assertEquals(ErrorCode.BAD_REQUEST, refused(JSON, body), body);
        }
        assertEquals("a".repeat(64), jwt(JSON, "{\"jwt\":\"" + "a".repeat(64) + "\"}"));
    }

    @Test
    void invalidUtf8IsABadRequest() {
        byte[] body = {'{', '"', 'j', 'w', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertEquals(ErrorCode.BAD_REQUEST, refused(JSON, body));
        byte[] surrogate = {'{', '"', 'j', 'w', 't', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        assertEquals(ErrorCode.BAD_REQUEST, refused(JSON, surrogate));
    }

    @Test
    void onlyUtf8JsonOrFormsAreTaken() {
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, refused("application/json; charset=bogus", "{\"jwt\":\"a\"}"));
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, refused("application/json; charset=utf-16", "{\"jwt\":\"a\"}"));
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, refused("application/xml", "<jwt>a</jwt>"));
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, refused("multipart/form-data; boundary=x", "--x"));
    }

    @Test
    void theJwtIsReadFromAForm() {
        assertEquals("a.b=c", jwt(FORM, "other=1&jwt=a.b%3Dc&"));
        assertEquals("abc", jwt(FORM + "; charset=UTF-8", "jwt=abc"));
        for (String body : new String[] {"other=1", "jwt=", "jwt=%zz", "jwt=%4", "jwt=a&jwt=b", "jwt=%C3%28",
                "jwt=a%20b"}) {
            assertEquals(ErrorCode.BAD_REQUEST, refused(FORM, body), body);
        }
    }
}
