package com.altscodex.jakarta.session;

import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.error.NotAuthenticatedException;
import com.altscodex.jakarta.guard.BrowserOrigins;
import com.altscodex.jakarta.session.SessionTokens.Verdict;
import com.altscodex.jakarta.session.Sessions.Presented;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a request's session makes of its caller, for {@link SessionAuthModule}.
 *
 * <ul>
 * <li>No session, or one that does not hold (malformed, tampered, expired, an unknown key, ended by
 *     its logout): anonymous, with the reason kept for the 401 of whatever requires a caller; where
 *     the container itself protects the path, refused here ({@code SESSION_REQUIRED},
 *     {@code SESSION_INVALID}, {@code SESSION_EXPIRED}, {@code SESSION_REVOKED}). A stale session
 *     must not lock anyone out of the login that renews it.</li>
 * <li>A cookie on an unsafe request from a page whose origin is not allowed ({@link BrowserOrigins}):
 *     anonymous too, and 403 {@code CROSS_SITE_REQUEST} for whatever requires a caller.</li>
 * <li>Otherwise the session's user is the caller, in the groups of {@code altscodex.session.groups}.</li>
 * </ul>
 */
final class SessionCheck {
    /** What the request is: one of the three below. */
    sealed interface Outcome permits Anonymous, Refused, Caller {
    }

    record Anonymous() implements Outcome {
    }

    record Refused(AltsCodexException refusal) implements Outcome {
    }

    record Caller(SessionUser user, Set<String> groups) implements Outcome {
    }

    private static final Anonymous ANONYMOUS = new Anonymous();

    /** The application's beans this check reads. */
    private record Beans(Sessions sessions, BrowserOrigins origins) {
    }

    private volatile Beans beans;

    /**
     * The application's beans are looked up at the first request rather than injected: the server
     * auth module is made by the module's servlet container initializer, not by CDI.
     */
    SessionCheck() {
    }

    SessionCheck(Sessions sessions, BrowserOrigins origins) {
        this.beans = new Beans(sessions, origins);
    }

    /**
     * @param answerHere whether the container protects the path and asked on its own, so that a
     *                   refusal is answered here; elsewhere what requires the caller answers it
     */
    Outcome of(HttpServletRequest request, boolean answerHere) {
        Beans found = beans();
        Sessions sessions = found.sessions();
        Presented presented = sessions.presented(request);
        if (presented == null) {
            return answerHere
                    ? new Refused(new NotAuthenticatedException(ErrorCode.SESSION_REQUIRED, "log in first: this needs a session"))
                    : ANONYMOUS;
        }
        Verdict verdict = sessions.verify(presented);
        if (!verdict.isValid()) {
            request.setAttribute(Sessions.REFUSED, verdict);
            return answerHere ? new Refused(Sessions.refusal(verdict)) : ANONYMOUS;
        }
        if (presented.source() == Sessions.Source.COOKIE && Sessions.unsafe(request.getMethod())
                && !found.origins().allows(request)) {
            Verdict crossSite = new Verdict(null, ErrorCode.CROSS_SITE_REQUEST,
                    "a request from another site may not use this site's session");
            request.setAttribute(Sessions.REFUSED, crossSite);
            return answerHere ? new Refused(Sessions.refusal(crossSite)) : ANONYMOUS;
        }
        request.setAttribute(Sessions.USER, verdict.user());
        return new Caller(verdict.user(), new LinkedHashSet<>(sessions.settings().groups()));
    }

    private Beans beans() {
        Beans found = beans;
        if (found == null) {
            found = new Beans(CDI.current().select(Sessions.class).get(), CDI.current().select(BrowserOrigins.class).get());
            beans = found;
        }
        return found;
    }
}
