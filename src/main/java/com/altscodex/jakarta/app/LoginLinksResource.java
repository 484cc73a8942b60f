package com.altscodex.jakarta.app;

import com.altscodex.jakarta.rest.LoginLinksEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/** POST /api/login-links, GET /api/login-links/{id}?wait=…. */
@Path("login-links")
@RequestScoped
public class LoginLinksResource extends LoginLinksEndpoint {
}
