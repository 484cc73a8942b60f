package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.error.ErrorJson;
import com.altscodex.jakarta.error.OverloadedException;
import com.altscodex.jakarta.error.RateLimitedException;
import com.altscodex.jakarta.session.SessionTokens;
import com.altscodex.jakarta.wire.SlotInfo;
import com.altscodex.jakarta.wire.SlotJson;
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
        var body = JSON.createObjectBuilder().add("success", true).add("data", SlotJson.publicPart(slot));
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
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorJson.body(code, message)).build();
    }
}
