package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.AltsCodexBackend;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.BadRequestException;
import com.altscodex.jakarta.error.ErrorCode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The login: a JWT in, the slot out, with no thread held while the login waits for its callback.
 * Mount it on any path by subclassing: {@code @Path("/auth/login") @RequestScoped public class
 * MyLogin extends LoginEndpoint {}}.
 */
public abstract class LoginEndpoint {
    private static final Logger LOG = Logger.getLogger(LoginEndpoint.class.getName());
    static final String NO_JWT = "a JWT is required: send {\"jwt\": \"…\"} as JSON or jwt=… as a form";
    private static final RecentTimeouts RECENT_TIMEOUTS = new RecentTimeouts();

    @Inject
    protected AltsCodexBackend backend;

    /**
     * One method for every body: JAX-RS would send a request without a Content-Type to a
     * {@code @FormParam} method, which then fails with a 500 instead of our 400.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public void login(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body,
            @Suspended AsyncResponse response) {
        login(LoginJson.jwtFrom(contentType, body), response);
    }

    /** Runs the chain for {@code jwt} and resumes {@code response} when it settles. */
    protected void login(String jwt, AsyncResponse response) {
        if (jwt == null || jwt.isBlank()) {
            response.resume(LoginJson.failure(new BadRequestException(NO_JWT)));
            return;
        }
        if (RECENT_TIMEOUTS.contains(jwt)) {
            response.resume(LoginJson.failure(ErrorCode.CALLBACK_TIMEOUT,
                    "authorize callback timeout: this JWT timed out moments ago"));
            return;
        }
        // a non-async callback: at shutdown the answer is written in the thread that fails the login
        backend.getSlotInfo(jwt).whenComplete((slot, failure) -> {
            if (failure == null) {
                response.resume(LoginJson.success(slot));
                return;
            }
            jakarta.ws.rs.core.Response answer = answerFor(failure);
            if (answer.getStatus() == ErrorCode.CALLBACK_TIMEOUT.status()) {
                RECENT_TIMEOUTS.add(jwt);
            }
            response.resume(answer);
        });
    }

    private static jakarta.ws.rs.core.Response answerFor(Throwable failure) {
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
