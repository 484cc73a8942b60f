package com.altscodex.jakarta.it.embedded;

import com.altscodex.jakarta.AltsCodexBackend;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The integrator's own code, injecting the backend. */
@Path("status")
@RequestScoped
public class GameStatus {

    @Inject
    AltsCodexBackend backend;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String status() {
        return "waiting=" + backend.pendingLogins() + " shutdown=" + backend.isShutDown();
    }
}
