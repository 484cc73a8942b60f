package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.AltsCodexBackend;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The DeOAuth callback ({@code POST {redirect_uri}?state=…&success=…&code=…}). It answers 200
 * {@code {"received": true}} at once, whatever the query holds, so the DeOAuth server never waits
 * on the code exchange. POST only: a GET answers 405. Mount it at the exact path of
 * {@code altscodex.redirect-uri} by subclassing, as with {@link LoginEndpoint}.
 */
public abstract class CallbackEndpoint {
    private static final Logger LOG = Logger.getLogger(CallbackEndpoint.class.getName());
    static final String RECEIVED = "{\"received\":true}";

    @Inject
    protected AltsCodexBackend backend;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response callback(@QueryParam("state") String state, @QueryParam("success") String success,
            @QueryParam("code") String code) {
        try {
            backend.onCallback(state, success, code);
        } catch (RuntimeException e) {
            // the server gets its answer whatever happens here; the login settles by its timeout
            LOG.log(Level.WARNING, "callback handling failed: " + e.getClass().getSimpleName());
        }
        return Response.ok(RECEIVED, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
