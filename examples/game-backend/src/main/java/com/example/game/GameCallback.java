package com.example.game;

import com.altscodex.jakarta.rest.CallbackEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;

/** Where the DeOAuth server calls back: the path of altscodex.redirect-uri, exactly. */
@Path("auth/deoauth-callback")
@ApplicationScoped
public class GameCallback extends CallbackEndpoint {
}
