package com.example.game;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /game/lobby, open to all: who has played here. */
@Path("lobby")
@RequestScoped
public class LobbyResource {

    @Inject
    Players players;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject lobby() {
        return Json.createObjectBuilder().add("players", Json.createArrayBuilder(players.allNicknames())).build();
    }
}
