package com.altscodex.jakarta.it.embedded;

import com.altscodex.jakarta.rest.LoginEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

@Path("auth/login")
@RequestScoped
public class GameLogin extends LoginEndpoint {
}
