package com.altscodex.jakarta.app;

import com.altscodex.jakarta.rest.LogoutEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/** POST /api/logout. */
@Path("logout")
@RequestScoped
public class LogoutResource extends LogoutEndpoint {
}
