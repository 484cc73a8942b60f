package com.altscodex.jakarta.session;

import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.BackendExecutors;
import com.altscodex.jakarta.config.SessionSettings;
import com.altscodex.jakarta.error.AccessDeniedException;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.error.NotAuthenticatedException;
import com.altscodex.jakarta.session.SessionTokens.Issued;
import com.altscodex.jakarta.session.SessionTokens.Verdict;
import com.altscodex.jakarta.wire.SlotInfo;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The sessions of this application: issued at login, read back from a request's
 * {@code Authorization: Bearer} header or, without one, its session cookie, and checked locally,
 * their revocations included (a logout ends its session; "log out everywhere" every session of the
 * slot issued before it), which are shared through Redis where the Redis store is configured.
 */
@ApplicationScoped
public class Sessions {
    /** The request attribute holding the {@link SessionUser} of a request whose session holds. */
    public static final String USER = Sessions.class.getName() + ".user";
    /** The request attribute holding the {@link Verdict} of a session that was presented and refused. */
    public static final String REFUSED = Sessions.class.getName() + ".refused";
    private static final String BEARER = "bearer ";

    private SessionSettings settings;
    private SessionTokens tokens;
    private SessionRevocations revocations;
    private Clock clock;

    /** For CDI's client proxy only. */
    protected Sessions() {
    }

    /** The container's constructor: sessions as {@code altscodex.session.*} configures them. */
    @Inject
    public Sessions(AltsCodexSettings settings, BackendExecutors executors) {
        this(settings, settings.redis() == null || !settings.session().enabled()
                ? new InMemoryRevocations(settings.session().ttl(), Clock.systemUTC())
                : new RedisRevocations(settings.redis(), settings.session().ttl(), executors.work(), Clock.systemUTC()),
                Clock.systemUTC());
    }

    /** Revocations kept in this process: outside a container, or with one replica. */
    public Sessions(AltsCodexSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** Revocations kept in this process, timed by {@code clock}. */
    Sessions(AltsCodexSettings settings, Clock clock) {
        this(settings, new InMemoryRevocations(settings.session().ttl(), clock), clock);
    }

    Sessions(AltsCodexSettings settings, SessionRevocations revocations, Clock clock) {
        this.settings = settings.session();
        this.tokens = this.settings.enabled() ? new SessionTokens(this.settings.keys(), this.settings.ttl(), clock) : null;
        this.revocations = revocations;
        this.clock = clock;
    }

    /** Created with the application, so the revocations shared through Redis are loaded before traffic. */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // nothing more: being created is the point
    }

    @PreDestroy
    void close() {
        revocations.close();
    }

    /** @return whether logins issue sessions ({@code altscodex.session.enabled}) */
    public boolean enabled() {
        return tokens != null;
    }

    /** @return the session settings in force */
    public SessionSettings settings() {
        return settings;
    }

    /** A session for the slot's user, or empty where sessions are off. */
    public Optional<Issued> issue(SlotInfo slot) {
        return enabled() ? Optional.of(tokens.issue(slot.id(), slot.tokenNickname())) : Optional.empty();
    }

    /** The {@code Set-Cookie} value that hands the browser this session. */
    public String cookie(Issued session) {
        return SessionCookie.issue(settings, session.token());
    }

    /** The {@code Set-Cookie} value that takes the session cookie away. */
    public String clearingCookie() {
        return SessionCookie.clear(settings);
    }

    /** What the request presents as its session, or null for nothing. */
    public Presented presented(HttpServletRequest request) {
        if (!enabled()) {
            return null;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return new Presented(Source.BEARER, authorization.substring(BEARER.length()).trim());
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (settings.cookieName().equals(cookie.getName()) && cookie.getValue() != null
                        && !cookie.getValue().isEmpty()) {
                    return new Presented(Source.COOKIE, cookie.getValue());
                }
            }
        }
        return null;
    }

    /** Whether the token is a live session of ours, and if not, why (revoked included). Local: no round trip. */
    public Verdict verify(Presented presented) {
        if (tokens == null) {
            return new Verdict(null, ErrorCode.SESSION_INVALID, "sessions are off");
        }
        Verdict verdict = tokens.verify(presented.token());
        if (verdict.isValid() && revocations.revoked(verdict.sessionId(), verdict.user().slotId(), verdict.issuedAtMillis())) {
            return new Verdict(null, ErrorCode.SESSION_REVOKED, "the session has been logged out: log in again");
        }
        return verdict;
    }

    /**
     * Ends the session of {@code token} before its expiry, on every replica: it is refused from now
     * on with {@code SESSION_REVOKED}. A token that does not hold needs nothing; one issued before
     * sessions had ids ends with every session of its slot issued in the same second or before.
     */
    public CompletionStage<Void> logOut(String token) {
        if (tokens == null || token == null) {
            return CompletableFuture.completedStage(null);
        }
        Verdict verdict = tokens.verify(token);
        if (!verdict.isValid()) {
            return CompletableFuture.completedStage(null);
        }
        if (verdict.sessionId() == null) {
            return revocations.revokeSlot(verdict.user().slotId(), verdict.user().issuedAt().plusSeconds(1).toEpochMilli());
        }
        return revocations.revoke(verdict.sessionId(), verdict.user().expiresAt());
    }

    /**
     * Ends every session of the slot issued until now, on every replica ("log out everywhere"). A
     * session issued in this very millisecond ends too: the one that asked is among them.
     */
    public CompletionStage<Void> logOutEverywhere(String slotId) {
        if (slotId == null || slotId.isEmpty()) {
            return CompletableFuture.failedStage(new IllegalArgumentException("a slot id is required"));
        }
        return revocations.revokeSlot(slotId, clock.millis() + 1);
    }

    /** The session of a request the module's mechanism let in, or null. */
    public static SessionUser user(HttpServletRequest request) {
        return request.getAttribute(USER) instanceof SessionUser user ? user : null;
    }

    /** Why the request's session was refused, or null when none was presented or it held. */
    public static Verdict refusal(HttpServletRequest request) {
        return request.getAttribute(REFUSED) instanceof Verdict verdict ? verdict : null;
    }

    /** The module's error for a refused session: 403 for a cross-site request, else 401 (revoked, expired, …). */
    public static AltsCodexException refusal(Verdict refused) {
        return refused.refusal() == ErrorCode.CROSS_SITE_REQUEST
                ? new AccessDeniedException(refused.refusal(), refused.reason())
                : new NotAuthenticatedException(refused.refusal(), refused.reason());
    }

    /** Where a request's session came from: an {@code Authorization: Bearer} header or the cookie. */
    public enum Source { BEARER, COOKIE }

    /** A session token as the request carried it. {@link #toString()} leaves the token out. */
    public record Presented(Source source, String token) {
        @Override
        public String toString() {
            return "Presented[" + source + ", token=****]";
        }
    }

    /** Whether the method may change something: a cross-site request with it must not ride on the cookie. */
    public static boolean unsafe(String method) {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE"));
    }
}
