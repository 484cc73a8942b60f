package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.error.NotAuthenticatedException;
import com.altscodex.jakarta.session.SessionTokens.Verdict;
import com.altscodex.jakarta.session.SessionUser;
import com.altscodex.jakarta.session.Sessions;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Who is calling: {@code {"success": true, "data": {"id", "token_nickname", "session_expires_at"}}}
 * for the caller the container knows (through the module's session mechanism), 401 in the module's
 * JSON for anyone else.
 */
public abstract class MeEndpoint {
    private static final Logger LOG = Logger.getLogger(MeEndpoint.class.getName());
    private static final AtomicBoolean TOLD_UNWIRED = new AtomicBoolean();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response me(@Context HttpServletRequest request, @Context SecurityContext security) {
        Principal caller = security.getUserPrincipal();
        SessionUser user = Sessions.user(request);
        if (caller == null) {
            if (user != null && TOLD_UNWIRED.compareAndSet(false, true)) {
                LOG.severe("a session held, but the server did not take its user as the caller: its Jakarta"
                        + " Security is not set up for application-defined identities (on WildFly run"
                        + " server-config/wildfly/configure, which sets integrated-jaspi=false)");
            }
            return unauthenticated(Sessions.refusal(request));
        }
        var data = JsonProvider.provider().createObjectBuilder().add("id", caller.getName());
        if (user != null && user.slotId().equals(caller.getName())) {
            if (user.nickname() != null) {
                data.add("token_nickname", user.nickname());
            }
            data.add("session_expires_at", user.expiresAt().toString());
        }
        String body = JsonProvider.provider().createObjectBuilder().add("success", true).add("data", data).build().toString();
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** 401 saying why: no session, or the one presented and refused. */
    static Response unauthenticated(Verdict refused) {
        AltsCodexException failure = refused == null
                ? new NotAuthenticatedException(ErrorCode.SESSION_REQUIRED, "log in first: this needs a session")
                : Sessions.refusal(refused);
        Response answer = LoginJson.failure(failure);
        return failure.status() != 401 ? answer
                : Response.fromResponse(answer).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"altscodex\"").build();
    }
}
