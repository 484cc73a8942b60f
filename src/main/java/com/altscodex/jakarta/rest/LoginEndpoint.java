package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.AltsCodexBackend;
import com.altscodex.jakarta.BackendExecutors;
import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.RequestLimits;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.BadRequestException;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.error.PayloadTooLargeException;
import com.altscodex.jakarta.error.ShutdownException;
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
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The login: a JWT in, the slot out, with no thread held while the login waits for its callback.
 * Mount it on any path by subclassing: {@code @Path("/auth/login") @RequestScoped public class
 * MyLogin extends LoginEndpoint {}}, with {@link RawBodyFilter} mapped to its path.
 */
public abstract class LoginEndpoint {
    private static final Logger LOG = Logger.getLogger(LoginEndpoint.class.getName());
    private static final RecentTimeouts RECENT_TIMEOUTS = new RecentTimeouts();
    private static final Duration GONE_GRACE = Duration.ofSeconds(2);

    @Inject
    protected AltsCodexBackend backend;

    @Inject
    private AltsCodexSettings settings;

    @Inject
    private BackendExecutors executors;

    /**
     * One method for every body, which the module reads itself, as bytes: without a thread while
     * the client sends (a non-blocking read), never past {@code altscodex.max-body}, and with its
     * type, charset and JSON checked strictly ({@link LoginBody}). The JAX-RS runtime's readers never
     * see it: a bogus charset made one answer 500.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public void login(@Context HttpServletRequest request, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Suspended AsyncResponse response) {
        String type = RawBodyFilter.originalContentType(request, contentType);
        RequestLimits limits = settings.limits();
        Consumer<byte[]> onBody = body -> {
            String jwt;
            try {
                jwt = LoginBody.jwt(type, body, limits);
            } catch (AltsCodexException refused) {
                response.resume(LoginJson.failure(refused));
                return;
            }
            login(jwt, response);
        };
        // a body cut short leaves the rest of it on the connection: it must not be read as a request
        Consumer<AltsCodexException> onRefused = refused -> response.resume(Response
                .fromResponse(LoginJson.failure(refused)).header("Connection", "close").build());
        // the server ends the exchange of a client that left; should it not, the answer ends it
        Runnable onGone = () -> executors.timers().schedule(() -> {
            if (!response.isDone()) {
                onRefused.accept(new BadRequestException("the body could not be read"));
            }
        }, GONE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        try {
            long length = request.getContentLengthLong();
            if (length > limits.maxBody() && (length > BodyReader.MAX_DRAINED
                    || "100-continue".equalsIgnoreCase(request.getHeader("Expect")))) {
                // too much to read and drop, or the client waits for our word before it sends: say no at once
                onRefused.accept(new PayloadTooLargeException(limits.maxBody()));
            } else if (request.isAsyncStarted()) {
                BodyReader.start(request.getInputStream(), length, limits, executors.timers(), onBody, onRefused, onGone);
            } else {
                onBody.accept(bounded(request.getInputStream(), limits.maxBody()));
            }
        } catch (PayloadTooLargeException refused) {
            onRefused.accept(refused);
        } catch (RejectedExecutionException stopping) {
            onRefused.accept(new ShutdownException());
        } catch (IOException | IllegalStateException unreadable) {
            onRefused.accept(new BadRequestException("the body could not be read"));
        }
    }

    /** Where the runtime did not suspend through the servlet container: a read that blocks, but only so far. */
    private static byte[] bounded(InputStream body, int maxBody) throws IOException {
        byte[] bytes = body.readNBytes(maxBody + 1);
        if (bytes.length > maxBody) {
            throw new PayloadTooLargeException(maxBody);
        }
        return bytes;
    }

    /** Runs the chain for {@code jwt} and resumes {@code response} when it settles. */
    protected void login(String jwt, AsyncResponse response) {
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
        backend.getSlotInfo(jwt).whenComplete((slot, failure) -> {
            if (failure == null) {
                response.resume(LoginJson.success(slot));
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
