package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.AltsCodexBackend;
import com.altscodex.jakarta.BackendExecutors;
import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.error.AccessDeniedException;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.session.Sessions;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Logger;

/**
 * Logout: the session cookie is cleared; with a fresh JWT in the body ({@code {"jwt": "…"}}) the
 * DeOAuth server is told too. Answers {@code {"success": true, "deoauth_logout": "done" |
 * "not_requested" | "failed"}}. A request carrying the cookie must come from this site's own pages.
 *
 * <p>Sessions are signed, not stored: a copied session token stays valid until it expires. Rotating
 * the signing keys (a new first key, the old one dropped) ends every session at once.
 */
public abstract class LogoutEndpoint {
    private static final Logger LOG = Logger.getLogger(LogoutEndpoint.class.getName());

    @Inject
    protected AltsCodexBackend backend;

    @Inject
    private AltsCodexSettings settings;

    @Inject
    private BackendExecutors executors;

    @Inject
    private Sessions sessions;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public void logout(@Context HttpServletRequest request, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Suspended AsyncResponse response) {
        Sessions.Presented presented = sessions.presented(request);
        if (presented != null && presented.source() == Sessions.Source.COOKIE && !sessions.fromOwnSite(request)) {
            response.resume(LoginJson.failure(new AccessDeniedException(ErrorCode.CROSS_SITE_REQUEST,
                    "a request from another site may not log this site's user out")));
            return;
        }
        String type = RawBodyFilter.originalContentType(request, contentType);
        SuspendedBody.read(request, settings.limits(), executors, response,
                body -> LoginBody.optionalJwt(type, body, settings.limits()), jwt -> {
            if (jwt == null) {
                response.resume(loggedOut("not_requested"));
                return;
            }
            backend.logout(jwt).whenComplete((done, failure) -> {
                if (failure != null) {
                    LOG.warning(() -> "the DeOAuth logout failed: " + describe(failure)
                            + "; the session cookie is cleared all the same");
                }
                response.resume(loggedOut(failure == null ? "done" : "failed"));
            });
        });
    }

    /** The module's own failures say what happened without a secret; of anything else, its type. */
    private static String describe(Throwable failure) {
        AltsCodexException e = AltsCodexException.of(failure, "DeOAuth logout");
        return e.code() + " (" + e.getMessage() + ")";
    }

    private Response loggedOut(String deoauthLogout) {
        String body = JsonProvider.provider().createObjectBuilder().add("success", true)
                .add("deoauth_logout", deoauthLogout).build().toString();
        Response.ResponseBuilder answer = Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (sessions.enabled()) {
            answer.header(HttpHeaders.SET_COOKIE, sessions.clearingCookie());
        }
        return answer.build();
    }
}
