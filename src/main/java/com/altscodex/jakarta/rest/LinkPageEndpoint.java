package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.audit.Audit;
import com.altscodex.jakarta.audit.AuditEvent.Kind;
import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.BackendExecutors;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.error.LinkRefusedException;
import com.altscodex.jakarta.guard.BrowserOrigins;
import com.altscodex.jakarta.guard.ClientAddresses;
import com.altscodex.jakarta.guard.GuessLimits;
import com.altscodex.jakarta.links.LinkStatus;
import com.altscodex.jakarta.links.LoginLinks;
import com.altscodex.jakarta.wire.SlotJson;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.ServletContext;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The user's side of a login link: {@code GET {token}} is the page that logs in (HTML) or where the
 * link stands (JSON); {@code POST {token}} with {@code {"jwt": "…"}} completes it, from that page or
 * from a native app's embedded browser; {@code GET ?code=…} (or {@code POST} with the form
 * {@code code=…}) finds the link of a typed user code.
 *
 * <p>Tokens and codes can be guessed: an unknown one is a failure of the client's address
 * ({@link GuessLimits}), and an address past its budget is answered 429 here until it refills. A
 * link's login or a code posted from another site's page is refused ({@link BrowserOrigins}).
 */
public abstract class LinkPageEndpoint {
    /** The page, in the WAR: at {@code /link/} it asks for a code, at a link's URL it logs in. */
    static final String PAGE = "/link/index.html";
    static final String DONE = "You're logged in: go back to the chat or the game.";
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    protected LoginLinks links;

    @Inject
    private AltsCodexSettings settings;

    @Inject
    private BackendExecutors executors;

    @Inject
    private BrowserOrigins origins;

    @Inject
    private ClientAddresses addresses;

    @Inject
    private GuessLimits limits;

    @Inject
    private Audit audit;

    @GET
    @Path("{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@Context ServletContext context) throws IOException {
        String page;
        try (InputStream in = context.getResourceAsStream(PAGE)) {
            if (in == null) {
                return Response.status(Response.Status.NOT_FOUND).build();
            }
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // the page names its script and style relative to /link/; served here, below /api/link/, it
        // names them from the context root (no <base>: the page's policy forbids one)
        String assets = context.getContextPath() + "/link/";
        page = page.replace("href=\"link.css\"", "href=\"" + assets + "link.css\"")
                .replace("src=\"link.js\"", "src=\"" + assets + "link.js\"");
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Referrer-Policy", "no-referrer").build();
    }

    /** {@code {"status": "pending" | "used" | "expired"}}, or 404 for a token that is not ours. */
    @GET
    @Path("{token}")
    @Produces(MediaType.APPLICATION_JSON)
    public void status(@PathParam("token") String token, @Context HttpServletRequest request,
            @Suspended AsyncResponse response) {
        String address = addresses.of(request);
        limits.check(address).thenCompose(allowed -> links.status(token)).whenComplete((status, failure) -> {
            if (failure != null) {
                response.resume(LoginJson.failure(LoginLinksEndpoint.unwrap(failure)));
            } else if (status == null) {
                limits.failed(address);
                response.resume(LoginJson.failure(LinkRefusedException.notFound()));
            } else {
                String word = status == LinkStatus.PENDING ? "pending" : status == LinkStatus.EXPIRED ? "expired" : "used";
                response.resume(Response.ok(JSON.createObjectBuilder().add("status", word).build().toString(),
                        MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store").build());
            }
        });
    }

    /** 200 {@code {"success": true, "message", "data": {slot}}}, or the error of the link or of the login. */
    @POST
    @Path("{token}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public void complete(@PathParam("token") String token, @Context HttpServletRequest request,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Suspended AsyncResponse response) {
        if (CrossSiteRefusal.answered(origins, request, response)) {
            return;
        }
        String address = addresses.of(request);
        String type = RawBodyFilter.originalContentType(request, contentType);
        SuspendedBody.read(request, settings.limits(), executors, response,
                body -> LoginBody.jwt(type, body, settings.limits()), jwt -> {
            limits.check(address).thenCompose(allowed -> links.complete(token, jwt, address)).whenComplete((slot, failure) -> {
                if (failure != null) {
                    AltsCodexException refused = LoginLinksEndpoint.unwrap(failure);
                    if (refused.code() == ErrorCode.LINK_NOT_FOUND) {
                        limits.failed(address);
                    }
                    response.resume(LoginJson.failure(refused));
                    return;
                }
                audit.record(Kind.LINK_COMPLETED, address, slot.id(), null, null);
                String json = JSON.createObjectBuilder().add("success", true).add("status", "succeeded")
                        .add("message", DONE).add("data", SlotJson.publicPart(slot)).build().toString();
                response.resume(Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build());
            });
        });
    }

    /** The link of a typed code: {@code {"url"}} as JSON, or a 303 to it for a plain form. */
    @GET
    public void byCode(@QueryParam("code") String code, @Context UriInfo uri, @Context HttpServletRequest request,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, @Suspended AsyncResponse response) {
        // read on the request's thread: RESTEasy's UriInfo answers nowhere else
        findByCode(code, uri.getBaseUri(), addresses.of(request), accept, response);
    }

    /** The same for the code page's form ({@code code=…}) or JSON ({@code {"code": "…"}}), from this site's pages. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public void byPostedCode(@Context UriInfo uri, @Context HttpServletRequest request,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Suspended AsyncResponse response) {
        if (CrossSiteRefusal.answered(origins, request, response)) {
            return;
        }
        String type = RawBodyFilter.originalContentType(request, contentType);
        URI base = uri.getBaseUri();
        String address = addresses.of(request);
        SuspendedBody.read(request, settings.limits(), executors, response,
                body -> LoginBody.member(type, body, "code"), code -> findByCode(code, base, address, accept, response));
    }

    private void findByCode(String code, URI base, String address, String accept, AsyncResponse response) {
        boolean json = accept != null && accept.contains(MediaType.APPLICATION_JSON);
        limits.check(address).thenCompose(allowed -> links.pathForCode(code)).whenComplete((path, failure) -> {
            if (failure != null) {
                response.resume(LoginJson.failure(LoginLinksEndpoint.unwrap(failure)));
            } else if (path.isEmpty()) {
                limits.failed(address);
                response.resume(json ? LoginJson.failure(new LinkRefusedException(ErrorCode.LINK_NOT_FOUND,
                        "no login link waits for this code: check it, or ask for a new one"))
                        : Response.seeOther(base.resolve("../link/?unknown")).build());
            } else {
                URI target = base.resolve(path.get());
                response.resume(json
                        ? Response.ok(JSON.createObjectBuilder().add("url", target.toString()).build().toString(),
                                MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store").build()
                        : Response.seeOther(target).build());
            }
        });
    }
}
