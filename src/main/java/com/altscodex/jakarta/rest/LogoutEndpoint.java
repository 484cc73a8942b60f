package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.AltsCodexBackend;
import com.altscodex.jakarta.audit.Audit;
import com.altscodex.jakarta.audit.AuditEvent.Kind;
import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.BackendExecutors;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.guard.BrowserOrigins;
import com.altscodex.jakarta.guard.ClientAddresses;
import com.altscodex.jakarta.session.SessionTokens.Verdict;
import com.altscodex.jakarta.session.Sessions;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/**
 * Logout: the session presented (cookie or bearer token) ends at once, on every replica, and the
 * cookie is cleared; with {@code ?everywhere=true} every session of the user issued before now ends
 * too; with a fresh JWT in the body ({@code {"jwt": "…"}}) the DeOAuth server is told as well.
 * Answers {@code {"success": true, "deoauth_logout": "done" | "not_requested" | "failed"}}. A request
 * from another site's page is refused (403 {@code CROSS_SITE_REQUEST}) and ends nothing.
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

    @Inject
    private BrowserOrigins origins;

    @Inject
    private ClientAddresses addresses;

    @Inject
    private Audit audit;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public void logout(@Context HttpServletRequest request, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("everywhere") String everywhere, @Suspended AsyncResponse response) {
        if (CrossSiteRefusal.answered(origins, request, response)) {
            return;
        }
        Sessions.Presented presented = sessions.presented(request);
        Verdict verdict = presented == null ? null : sessions.verify(presented);
        String slotId = verdict != null && verdict.isValid() ? verdict.user().slotId() : null;
        boolean all = "true".equalsIgnoreCase(everywhere) || "1".equals(everywhere);
        if (all && slotId == null) {
            response.resume(MeEndpoint.unauthenticated(verdict == null || verdict.isValid() ? null : verdict));
            return;
        }
        String address = addresses.of(request);
        String type = RawBodyFilter.originalContentType(request, contentType);
        SuspendedBody.read(request, settings.limits(), executors, response,
                body -> LoginBody.optionalJwt(type, body, settings.limits()), jwt -> {
            CompletionStage<Void> ended = slotId == null ? CompletableFuture.completedStage(null)
                    : all ? sessions.logOutEverywhere(slotId) : sessions.logOut(presented.token());
            ended.whenComplete((ok, storeFailure) -> {
                if (storeFailure != null) {
                    // the session is refused on this replica already; the others may not know
                    response.resume(withClearedCookie(LoginJson.failure(AltsCodexException.of(storeFailure, "logout"))));
                    return;
                }
                if (slotId != null) {
                    audit.record(all ? Kind.SESSIONS_REVOKED : Kind.LOGOUT, address, slotId, null,
                            all ? "every session issued before now" : null);
                }
                tellDeOAuth(jwt, response);
            });
        });
    }

    private void tellDeOAuth(String jwt, AsyncResponse response) {
        if (jwt == null) {
            response.resume(loggedOut("not_requested"));
            return;
        }
        backend.logout(jwt).whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.warning(() -> "the DeOAuth logout failed: " + describe(failure)
                        + "; the session is ended all the same");
            }
            response.resume(loggedOut(failure == null ? "done" : "failed"));
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
        return withClearedCookie(Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build());
    }

    private Response withClearedCookie(Response answer) {
        Response.ResponseBuilder builder = Response.fromResponse(answer).header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (sessions.enabled()) {
            builder.header(HttpHeaders.SET_COOKIE, sessions.clearingCookie());
        }
        return builder.build();
    }
}
