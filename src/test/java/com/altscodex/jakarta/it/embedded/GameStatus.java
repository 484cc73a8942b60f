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

    @Inject
    GameAuditLog audit;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String status() {
        return "waiting=" + backend.pendingLogins() + " shutdown=" + backend.isShutDown();
    }

    /** One line per audit event the application observed: what, address, slot, state, detail. */
    @GET
    @Path("audit")
    @Produces(MediaType.TEXT_PLAIN)
    public String audit() {
        StringBuilder lines = new StringBuilder();
        audit.events().forEach(e -> lines.append(e.what()).append(' ').append(e.clientAddress()).append(' ')
                .append(e.slotId()).append(' ').append(e.state()).append(' ').append(e.detail()).append('\n'));
        return lines.toString();
    }
}
