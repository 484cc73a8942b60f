package com.altscodex.jakarta.it.embedded;

import com.altscodex.jakarta.rest.CallbackEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;

@Path("auth/deoauth-callback")
@ApplicationScoped
public class GameCallback extends CallbackEndpoint {
}
