package com.altscodex.jakarta.session;

import com.altscodex.jakarta.config.SigningKeys;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.session.SignedTokens.Opened;
import jakarta.json.spi.JsonProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Session tokens: {@link SignedTokens} whose claims are {@code sub} (the slot id), {@code nick},
 * {@code iat}, {@code exp}, {@code jti} (the session's own id, by which its logout revokes it) and
 * {@code iat_ms} (the issue time to the millisecond, which a "log out everywhere" compares with). Any
 * replica holding the same keys checks one locally, with no store and no call upstream.
 */
public final class SessionTokens {
    private static final JsonProvider JSON = JsonProvider.provider();
    /** Replicas' clocks differ a little; a token issued further ahead than this is not ours. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final SignedTokens signed;
    private final Duration ttl;
    private final Clock clock;

    public SessionTokens(SigningKeys keys, Duration ttl, Clock clock) {
        if (keys == null || ttl == null || ttl.isNegative() || ttl.isZero() || clock == null) {
            throw new IllegalArgumentException("session tokens need keys, a positive lifetime and a clock");
        }
        this.signed = new SignedTokens(keys);
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A session for the slot, valid for the configured lifetime from now. */
    public Issued issue(String slotId, String nickname) {
        Instant precise = clock.instant();
        // the standard claims hold whole seconds: the user says what the token says
        Instant now = precise.truncatedTo(ChronoUnit.SECONDS);
        SessionUser user = new SessionUser(slotId, nickname, now, now.plus(ttl));
        var claims = JSON.createObjectBuilder().add("sub", slotId);
        if (nickname != null) {
            claims.add("nick", nickname);
        }
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String sessionId = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        claims.add("iat", user.issuedAt().getEpochSecond()).add("exp", user.expiresAt().getEpochSecond())
                .add("jti", sessionId).add("iat_ms", precise.toEpochMilli());
        return new Issued(signed.sign(claims.build()), user);
    }

    /** Whether {@code token} is a live session of ours, and if not, why. */
    public Verdict verify(String token) {
        Opened opened = signed.open(token);
        if (!opened.holds()) {
            return Verdict.refused(ErrorCode.SESSION_INVALID, "the session is not valid: " + opened.refusal());
        }
        String slotId = opened.text("sub");
        Long issuedAt = opened.seconds("iat");
        Long expiresAt = opened.seconds("exp");
        if (slotId == null || slotId.isEmpty() || issuedAt == null || expiresAt == null) {
            return Verdict.refused(ErrorCode.SESSION_INVALID, "the session is not valid: the token is malformed");
        }
        Instant now = clock.instant();
        if (now.getEpochSecond() >= expiresAt) {
            return Verdict.refused(ErrorCode.SESSION_EXPIRED, "the session has expired: log in again");
        }
        if (Instant.ofEpochSecond(issuedAt).isAfter(now.plus(CLOCK_SKEW))) {
            return Verdict.refused(ErrorCode.SESSION_INVALID, "the session was issued in the future");
        }
        Long issuedAtMillis = opened.seconds("iat_ms");
        return Verdict.valid(new SessionUser(slotId, opened.text("nick"), Instant.ofEpochSecond(issuedAt),
                Instant.ofEpochSecond(expiresAt)), opened.text("jti"),
                issuedAtMillis != null ? issuedAtMillis : issuedAt * 1000);
    }

    public Duration ttl() {
        return ttl;
    }

    /** A new session: the token to hand out and whose it is. {@link #toString()} leaves the token out. */
    public record Issued(String token, SessionUser user) {
        @Override
        public String toString() {
            return "Issued[user=" + user.slotId() + ", expiresAt=" + user.expiresAt() + ", token=****]";
        }
    }

    /**
     * A live session's user, or the code and words of why the token was refused.
     *
     * @param sessionId the session's {@code jti}, null for a token issued without one (by a version
     *                  before logouts revoked sessions) or a refused one
     * @param issuedAtMillis when the session was issued, to the millisecond where the token says so
     */
    public record Verdict(SessionUser user, ErrorCode refusal, String reason, String sessionId, long issuedAtMillis) {

        public Verdict(SessionUser user, ErrorCode refusal, String reason) {
            this(user, refusal, reason, null, 0);
        }

        static Verdict valid(SessionUser user, String sessionId, long issuedAtMillis) {
            return new Verdict(user, null, null, sessionId, issuedAtMillis);
        }

        static Verdict refused(ErrorCode code, String reason) {
            return new Verdict(null, code, reason);
        }

        public boolean isValid() {
            return user != null;
        }
    }
}
