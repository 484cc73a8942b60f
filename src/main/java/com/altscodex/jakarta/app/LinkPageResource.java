package com.altscodex.jakarta.app;

import com.altscodex.jakarta.rest.LinkPageEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/** GET and POST /api/link/{token}, GET /api/link?code=…. */
@Path("link")
@RequestScoped
public class LinkPageResource extends LinkPageEndpoint {
}
