package com.altscodex.jakarta.recipe;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("profile")
@RequestScoped
public class PlayerProfile {

    @Inject
    SecurityContext security;

    @Inject
    TokenVault vault;

    /** Players only: anyone else gets 401 (no session) or 403 (no such role). */
    @GET
    @RolesAllowed("player")
    @Produces(MediaType.TEXT_PLAIN)
    public String profile() {
        String slotId = security.getCallerPrincipal().getName();
        return "Slot " + slotId + (vault.accessToken(slotId).isPresent() ? ", tokens kept on the server" : "");
    }

    /** Open to all: a guest is anonymous, a player is known. */
    @GET
    @Path("greeting")
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    public String greeting() {
        // a role, not a null principal: WildFly names the anonymous caller "anonymous"
        return security.isCallerInRole("player") ? "Hello again, " + security.getCallerPrincipal().getName() : "Hello, guest";
    }

    @GET
    @Path("moderation")
    @RolesAllowed("moderator")
    @Produces(MediaType.TEXT_PLAIN)
    public String moderation() {
        return "moderation tools";
    }
}
