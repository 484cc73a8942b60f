package com.altscodex.jakarta.recipe;

import com.altscodex.jakarta.AltsCodexBackend;
import com.altscodex.jakarta.session.Sessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

@Path("auth")
@RequestScoped
public class PlayerAuth {

    @Inject
    AltsCodexBackend backend;

    @Inject
    Sessions sessions;

    /** The game client sends the JWT from the AltsCodex popup; the player is greeted by nickname. */
    @POST
    @Path("login")
    @Produces(MediaType.TEXT_PLAIN)
    public CompletionStage<Response> login(@FormParam("jwt") String jwt) {
        return backend.getSlotInfo(jwt).thenApply(slot -> {
            Response.ResponseBuilder welcome = Response.ok("Welcome, " + slot.tokenNickname());
            // the session cookie; a game client can send its value as Authorization: Bearer instead
            sessions.issue(slot).ifPresent(session -> welcome.header(HttpHeaders.SET_COOKIE, sessions.cookie(session)));
            return welcome.build();
        });
    }

    /** The DeOAuth callback: altscodex.redirect-uri names this URL exactly. */
    @POST
    @Path("deoauth-callback")
    @Produces(MediaType.APPLICATION_JSON)
    public String callback(@QueryParam("state") String state, @QueryParam("success") String success,
            @QueryParam("code") String code) {
        backend.onCallback(state, success, code);
        return "{\"received\":true}";
    }
}
