package com.example.game;

import com.altscodex.jakarta.rest.LogoutEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;

/** POST /game/auth/logout: the session ends, on every replica, and its cookie is cleared. */
@Path("auth/logout")
@ApplicationScoped
public class GameLogout extends LogoutEndpoint {
}
