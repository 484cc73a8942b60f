package com.altscodex.jakarta.session;

import java.security.Principal;
import java.time.Instant;

/**
 * Who a session belongs to: the caller principal that the module's authentication mechanism hands
 * the container, so {@code SecurityContext.getCallerPrincipal().getName()} is the slot id and
 * {@code getPrincipalsByType(SessionUser.class)} gives the rest.
 *
 * @param slotId the slot id, the user's stable identifier
 * @param nickname the slot's nickname at login, or null
 * @param issuedAt when the session was issued (at login)
 * @param expiresAt when it stops being accepted ({@code altscodex.session.ttl} after login)
 */
public record SessionUser(String slotId, String nickname, Instant issuedAt, Instant expiresAt) implements Principal {

    public SessionUser {
        if (slotId == null || slotId.isEmpty() || issuedAt == null || expiresAt == null) {
            throw new IllegalArgumentException("a session needs a slot id and its times");
        }
    }

    @Override
    public String getName() {
        return slotId;
    }
}
