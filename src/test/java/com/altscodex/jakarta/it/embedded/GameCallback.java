package com.altscodex.jakarta.it.embedded;

import com.altscodex.jakarta.rest.CallbackEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

@Path("auth/deoauth-callback")
@RequestScoped
public class GameCallback extends CallbackEndpoint {
}
