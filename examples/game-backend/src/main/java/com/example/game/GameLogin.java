package com.example.game;

import com.altscodex.jakarta.rest.LoginEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;

/** POST /game/auth/login with {"jwt": "…"} from the AltsCodex popup: the slot and a session. */
@Path("auth/login")
@ApplicationScoped
public class GameLogin extends LoginEndpoint {
}
