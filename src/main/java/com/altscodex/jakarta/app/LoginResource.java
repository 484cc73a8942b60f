package com.altscodex.jakarta.app;

import com.altscodex.jakarta.rest.LoginEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/** POST /api/login. */
@Path("login")
@RequestScoped
public class LoginResource extends LoginEndpoint {
}
