package com.altscodex.jakarta.it.embedded;

import com.altscodex.jakarta.rest.LoginEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;

@Path("auth/login")
@ApplicationScoped
public class GameLogin extends LoginEndpoint {
}
