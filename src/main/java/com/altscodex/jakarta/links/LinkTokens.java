package com.altscodex.jakarta.links;

import com.altscodex.jakarta.error.LinkRefusedException;
import com.altscodex.jakarta.session.SignedTokens;
import jakarta.json.spi.JsonProvider;
import java.time.Clock;
import java.time.Instant;

/**
 * The token a link's URL holds: {@code {"lnk": id, "exp": …}} signed like a session, so a forged or
 * stale link is refused before the store is asked. A session token is no link token (no
 * {@code lnk}), and a link token no session (no {@code sub}).
 */
final class LinkTokens {
    private static final JsonProvider JSON = JsonProvider.provider();

    private final SignedTokens signed;
    private final Clock clock;

    LinkTokens(SignedTokens signed, Clock clock) {
        this.signed = signed;
        this.clock = clock;
    }

    String issue(String id, Instant expiresAt) {
        return signed.sign(JSON.createObjectBuilder().add("lnk", id).add("exp", expiresAt.getEpochSecond()).build());
    }

    /** @throws LinkRefusedException 404 for a token that is not ours, 410 for one past its time */
    String idOf(String token) {
        SignedTokens.Opened opened = signed.open(token);
        String id = opened.text("lnk");
        Long expiresAt = opened.seconds("exp");
        if (id == null || expiresAt == null) {
            throw LinkRefusedException.notFound();
        }
        if (clock.instant().getEpochSecond() >= expiresAt) {
            throw LinkRefusedException.expired();
        }
        return id;
    }
}
