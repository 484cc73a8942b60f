package com.example.game;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * GET /game/profile, for players only: the caller is the slot id of the session (cookie or
 * {@code Authorization: Bearer}). Without a session the SDK answers 401 in its JSON.
 */
@Path("profile")
@RequestScoped
public class ProfileResource {

    @Inject
    Players players;

    @GET
    @RolesAllowed("player")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject profile(@Context SecurityContext security) {
        String slotId = security.getUserPrincipal().getName();
        return Json.createObjectBuilder()
                .add("slot_id", slotId)
                .add("nickname", players.nickname(slotId).orElse(""))
                .build();
    }
}
