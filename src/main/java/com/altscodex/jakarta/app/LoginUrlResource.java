package com.altscodex.jakarta.app;

import com.altscodex.jakarta.rest.LoginUrlEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/** GET /api/login-url. */
@Path("login-url")
@RequestScoped
public class LoginUrlResource extends LoginUrlEndpoint {
}
