package com.altscodex.jakarta.session;

import com.altscodex.jakarta.SlotInfo;
import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.SessionSettings;
import com.altscodex.jakarta.error.AccessDeniedException;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.error.NotAuthenticatedException;
import com.altscodex.jakarta.session.SessionTokens.Issued;
import com.altscodex.jakarta.session.SessionTokens.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * The sessions of this application: issued at login, read back from a request's
 * {@code Authorization: Bearer} header or, without one, its session cookie, and checked locally.
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
    private String registeredOrigin;

    /** For CDI's client proxy only. */
    protected Sessions() {
    }

    @Inject
    public Sessions(AltsCodexSettings settings) {
        this(settings, Clock.systemUTC());
    }

    Sessions(AltsCodexSettings settings, Clock clock) {
        this.settings = settings.session();
        this.tokens = this.settings.enabled() ? new SessionTokens(this.settings.keys(), this.settings.ttl(), clock) : null;
        URI redirect = URI.create(settings.redirectUri());
        this.registeredOrigin = redirect.getScheme().toLowerCase(Locale.ROOT) + "://" + redirect.getRawAuthority();
    }

    public boolean enabled() {
        return tokens != null;
    }

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

    public Verdict verify(Presented presented) {
        return tokens == null ? new Verdict(null, ErrorCode.SESSION_INVALID, "sessions are off") : tokens.verify(presented.token());
    }

    /**
     * Whether a request that its cookie authenticates came from this application's own pages. A
     * browser says where a request comes from in {@code Sec-Fetch-Site} and {@code Origin}: either,
     * when present, must name this site (the request's own origin, or the redirect URI's, which a
     * proxy in front does not change). A client that sends neither (not a browser) is let through:
     * it cannot be a page of another site.
     */
    public boolean fromOwnSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin") && !fetchSite.equalsIgnoreCase("none")) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String own = request.getScheme().toLowerCase(Locale.ROOT) + "://" + request.getHeader("Host");
        return origin.equalsIgnoreCase(own) || origin.equalsIgnoreCase(registeredOrigin);
    }

    /** The session of a request the module's mechanism let in, or null. */
    public static SessionUser user(HttpServletRequest request) {
        return request.getAttribute(USER) instanceof SessionUser user ? user : null;
    }

    /** Why the request's session was refused, or null when none was presented or it held. */
    public static Verdict refusal(HttpServletRequest request) {
        return request.getAttribute(REFUSED) instanceof Verdict verdict ? verdict : null;
    }

    /** The module's error for a refused session: 403 for a cross-site request, else 401. */
    public static AltsCodexException refusal(Verdict refused) {
        return refused.refusal() == ErrorCode.CROSS_SITE_REQUEST
                ? new AccessDeniedException(refused.refusal(), refused.reason())
                : new NotAuthenticatedException(refused.refusal(), refused.reason());
    }

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
