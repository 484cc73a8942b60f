package com.altscodex.jakarta.recipe;

import com.altscodex.jakarta.AltsCodexBackend;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;

@Path("auth")
@RequestScoped
public class PlayerAuth {

    @Inject
    AltsCodexBackend backend;

    /** The game client sends the JWT from the AltsCodex popup; the player is greeted by nickname. */
    @POST
    @Path("login")
    @Produces(MediaType.TEXT_PLAIN)
    public CompletionStage<String> login(@FormParam("jwt") String jwt) {
        return backend.getSlotInfo(jwt).thenApply(slot -> "Welcome, " + slot.tokenNickname());
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
