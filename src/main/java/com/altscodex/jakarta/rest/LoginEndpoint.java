package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.AltsCodexBackend;
import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.BackendExecutors;
import com.altscodex.jakarta.config.RequestLimits;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.BadRequestException;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.guard.BrowserOrigins;
import com.altscodex.jakarta.guard.ClientAddresses;
import com.altscodex.jakarta.session.Sessions;
import jakarta.inject.Inject;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The login: a JWT in, the slot out, with no thread held while the login waits for its callback.
 * Mount it on any path by subclassing: {@code @Path("/auth/login") @ApplicationScoped public class
 * MyLogin extends LoginEndpoint {}}, with {@link RawBodyFilter} mapped to its path.
 */
public abstract class LoginEndpoint {
    private static final Logger LOG = Logger.getLogger(LoginEndpoint.class.getName());
    private static final RecentTimeouts RECENT_TIMEOUTS = new RecentTimeouts();

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

    /**
     * One method for every body, which the module reads itself ({@link SuspendedBody}), with its
     * type, charset and JSON checked strictly ({@link LoginBody}). The JAX-RS runtime's readers never
     * see it: a bogus charset made one answer 500. A login another site's page sends (login CSRF:
     * the victim's browser logged in as the attacker) is refused before its body is read.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public void login(@Context HttpServletRequest request, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Suspended AsyncResponse response) {
        if (CrossSiteRefusal.answered(origins, request, response)) {
            return;
        }
        String type = RawBodyFilter.originalContentType(request, contentType);
        RequestLimits limits = settings.limits();
        String address = addresses.of(request);
        SuspendedBody.read(request, limits, executors, response, body -> LoginBody.jwt(type, body, limits),
                jwt -> login(jwt, address, response));
    }

    /** Runs the chain for {@code jwt} and resumes {@code response} when it settles. */
    protected void login(String jwt, AsyncResponse response) {
        login(jwt, null, response);
    }

    /** The same for a request from {@code clientAddress}, which the login's audit event names. */
    protected void login(String jwt, String clientAddress, AsyncResponse response) {
        if (jwt == null || jwt.isBlank()) {
            response.resume(LoginJson.failure(new BadRequestException(LoginBody.NO_JWT)));
            return;
        }
        if (RECENT_TIMEOUTS.contains(jwt)) {
            response.resume(LoginJson.failure(ErrorCode.CALLBACK_TIMEOUT,
                    "authorize callback timeout: this JWT timed out moments ago"));
            return;
        }
        // a non-async callback: at shutdown the answer is written in the thread that fails the login
        backend.getSlotInfo(jwt, settings.authorizeTimeout(), clientAddress).whenComplete((slot, failure) -> {
            if (failure == null) {
                response.resume(sessions.issue(slot)
                        .map(session -> LoginJson.success(slot, session, sessions.cookie(session)))
                        .orElseGet(() -> LoginJson.success(slot)));
                return;
            }
            Response answer = answerFor(failure);
            if (answer.getStatus() == ErrorCode.CALLBACK_TIMEOUT.status()) {
                RECENT_TIMEOUTS.add(jwt);
            }
            response.resume(answer);
        });
    }

    private static Response answerFor(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof AltsCodexException e) {
            return LoginJson.failure(e);
        }
        if (cause instanceof CancellationException) {
            return LoginJson.failure(499, "CANCELLED", "the login was cancelled");
        }
        LOG.log(Level.SEVERE, "login failed unexpectedly", cause);
        return LoginJson.failure(500, "INTERNAL", "internal error");
    }
}
