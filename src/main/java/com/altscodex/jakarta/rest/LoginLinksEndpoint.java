package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.audit.Audit;
import com.altscodex.jakarta.audit.AuditEvent.Kind;
import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.BackendExecutors;
import com.altscodex.jakarta.config.Durations;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.BadRequestException;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.error.LinkRefusedException;
import com.altscodex.jakarta.guard.ClientAddresses;
import com.altscodex.jakarta.guard.GuessLimits;
import com.altscodex.jakarta.links.LoginLinks;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The caller's side of login links (server to server, with an API key): {@code POST} issues one,
 * {@code GET {id}?wait=PT30S} long-polls its outcome with a suspended response, so any number of
 * pollers hold no thread. A wrong or missing API key is a failure of the caller's address
 * ({@link GuessLimits}); past its budget the address is answered 429, whatever key it sends.
 */
public abstract class LoginLinksEndpoint {
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    protected LoginLinks links;

    @Inject
    private AltsCodexSettings settings;

    @Inject
    private BackendExecutors executors;

    @Inject
    private ClientAddresses addresses;

    @Inject
    private GuessLimits limits;

    @Inject
    private Audit audit;

    /** {@code {"subject": "…", "webhook_url"?: "…"}} → 201 {@code {"id", "url", "user_code", "expires_at", "poll_url"}}. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public void issue(@Context HttpServletRequest request, @Context SecurityContext security, @Context UriInfo uri,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Suspended AsyncResponse response) {
        String address = addresses.of(request);
        boolean may = links.mayIssue(authorization, security::isUserInRole);
        String type = RawBodyFilter.originalContentType(request, contentType);
        String basePath = uri.getBaseUri().getRawPath();
        // the body first, on this thread, as a suspended request's body is read; then the budget
        SuspendedBody.read(request, settings.limits(), executors, response,
                body -> new IssueRequest(LoginBody.member(type, body, "subject"), LoginBody.member(type, body, "webhook_url")),
                asked -> whenAllowed(address, may, response, () -> {
            links.issue(asked.subject(), asked.webhookUrl(), basePath, address).whenComplete((issued, failure) -> {
                if (failure != null) {
                    response.resume(LoginJson.failure(unwrap(failure)));
                    return;
                }
                audit.record(Kind.LINK_ISSUED, address, null, null, "link " + issued.id().substring(0, 8));
                String json = JSON.createObjectBuilder().add("id", issued.id()).add("url", issued.url())
                        .add("user_code", issued.userCode()).add("expires_at", issued.expiresAt().toString())
                        .add("poll_url", issued.pollUrl()).build().toString();
                response.resume(Response.created(URI.create(issued.pollUrl())).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(json).header(HttpHeaders.CACHE_CONTROL, "no-store").build());
            });
        }));
    }

    /**
     * {@code {"id", "subject", "status": "pending" | "succeeded" | "failed" | "expired", "slot"?,
     * "session_token"?, "error"?}}, once the link settles or {@code wait} (at most 60 s) has passed.
     */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public void poll(@PathParam("id") String id, @QueryParam("wait") String wait, @Context SecurityContext security,
            @Context HttpServletRequest request, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Suspended AsyncResponse response) {
        whenAllowed(addresses.of(request), links.mayIssue(authorization, security::isUserInRole), response,
                () -> poll(id, wait, response));
    }

    /**
     * Runs {@code then} for a caller who {@code may} (a valid key, or the issuer role) and whose
     * address is within its budget; answers 429 past the budget, 401 for a wrong or missing key (a
     * failure counted).
     */
    private void whenAllowed(String address, boolean may, AsyncResponse response, Runnable then) {
        CompletionStage<Void> allowed = limits.attempt(address, !may);
        allowed.whenComplete((ok, refused) -> {
            if (refused != null) {
                response.resume(LoginJson.failure(unwrap(refused)));
            } else if (!may) {
                response.resume(unauthorized());
            } else {
                then.run();
            }
        });
    }

    private void poll(String id, String wait, AsyncResponse response) {
        Duration waitFor;
        try {
            waitFor = wait == null || wait.isBlank() || wait.trim().equals("0") ? Duration.ZERO : Durations.parse(wait);
        } catch (IllegalArgumentException e) {
            response.resume(LoginJson.failure(new BadRequestException(
                    "wait must be a duration such as PT30S or 30s (at most " + LoginLinks.LONGEST_WAIT.toSeconds() + " s)")));
            return;
        }
        links.poll(id, waitFor).whenComplete((outcome, failure) -> {
            if (failure != null) {
                response.resume(LoginJson.failure(unwrap(failure)));
            } else if (outcome.isEmpty()) {
                response.resume(LoginJson.failure(new LinkRefusedException(ErrorCode.LINK_NOT_FOUND, "no login link has this id")));
            } else {
                response.resume(Response.ok(outcome.get().toString(), MediaType.APPLICATION_JSON_TYPE)
                        .header(HttpHeaders.CACHE_CONTROL, "no-store").build());
            }
        });
    }

    private record IssueRequest(String subject, String webhookUrl) {
    }

    private Response unauthorized() {
        return Response.fromResponse(LoginJson.failure(links.refusal()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"altscodex-links\"").build();
    }

    static AltsCodexException unwrap(Throwable failure) {
        return AltsCodexException.of(failure, "login link");
    }
}
