package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.SlotInfo;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.error.OverloadedException;
import com.altscodex.jakarta.error.RateLimitedException;
import com.altscodex.jakarta.session.SessionTokens;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The JSON of the login endpoints. A slot goes to the browser without its access token and
 * code: those stay on the server ({@link SlotInfo#accessToken()}).
 */
public final class LoginJson {
    private static final JsonProvider JSON = JsonProvider.provider();

    private LoginJson() {
    }

    /** 200 {@code {"success": true, "data": {id, content_address, token_nickname, tr_cnt}}}. */
    public static Response success(SlotInfo slot) {
        return success(slot, null, null);
    }

    /**
     * The same with the login's session, where sessions are on: as {@code session_token} (for
     * clients that send {@code Authorization: Bearer}) and in {@code setCookie} (for browsers).
     */
    public static Response success(SlotInfo slot, SessionTokens.Issued session, String setCookie) {
        var body = JSON.createObjectBuilder().add("success", true).add("data", slotJson(slot));
        if (session != null) {
            body.add("session_token", session.token())
                    .add("session_expires_at", session.user().expiresAt().toString());
        }
        Response.ResponseBuilder answer = Response.ok(body.build().toString(), MediaType.APPLICATION_JSON_TYPE);
        if (setCookie != null) {
            answer.header(HttpHeaders.SET_COOKIE, setCookie).header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return answer.build();
    }

    /** The public part of a slot: never its access token or code. */
    public static JsonObjectBuilder slotJson(SlotInfo slot) {
        var data = JSON.createObjectBuilder().add("id", slot.id());
        addIfPresent(data, "content_address", slot.contentAddress());
        addIfPresent(data, "token_nickname", slot.tokenNickname());
        return data.add("tr_cnt", slot.trCnt());
    }

    /** The failure's status with {@code {"success": false, "error": "…", "code": "…"}}. */
    public static Response failure(AltsCodexException failure) {
        Response answer = failure(failure.code(), failure.getMessage());
        if (failure instanceof OverloadedException overloaded) {
            return Response.fromResponse(answer).header(HttpHeaders.RETRY_AFTER, overloaded.retryAfterSeconds()).build();
        }
        if (failure instanceof RateLimitedException limited) {
            return Response.fromResponse(answer).header(HttpHeaders.RETRY_AFTER, limited.retryAfterSeconds()).build();
        }
        return answer;
    }

    static Response failure(ErrorCode code, String message) {
        return failure(code.status(), code.name(), message);
    }

    static Response failure(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(failureBody(code, message)).build();
    }

    /** The body of {@link #failure(AltsCodexException)}, for answers written outside JAX-RS. */
    public static String failureBody(AltsCodexException failure) {
        return failureBody(failure.code().name(), failure.getMessage());
    }

    static String failureBody(String code, String message) {
        return JSON.createObjectBuilder()
                .add("success", false)
                .add("error", message)
                .add("code", code)
                .build().toString();
    }

    private static void addIfPresent(JsonObjectBuilder builder, String name, String value) {
        if (value != null) {
            builder.add(name, value);
        }
    }
}
