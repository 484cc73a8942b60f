package com.altscodex.jakarta.app;

import com.altscodex.jakarta.rest.MeEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/** GET /api/me. */
@Path("me")
@RequestScoped
public class MeResource extends MeEndpoint {
}
