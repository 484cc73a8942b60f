package com.altscodex.jakarta.session;

import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.error.ErrorJson;
import com.altscodex.jakarta.error.NotAuthenticatedException;
import com.altscodex.jakarta.guard.BrowserOrigins;
import com.altscodex.jakarta.session.SessionTokens.Verdict;
import com.altscodex.jakarta.session.Sessions.Presented;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;

/**
 * The Jakarta Security mechanism of the module's sessions: a request's session (bearer token, else
 * cookie) is checked locally and its user becomes the caller, in the groups of
 * {@code altscodex.session.groups}, so {@code @RolesAllowed}, {@code SecurityContext} and
 * {@code isUserInRole} work as with any container login.
 *
 * <ul>
 * <li>No session, or one that does not hold (malformed, tampered, expired, an unknown key): anonymous,
 *     with the reason kept for the 401 of whatever requires a caller; where the container itself
 *     protects the path, 401 here ({@code SESSION_REQUIRED}, {@code SESSION_INVALID} or
 *     {@code SESSION_EXPIRED}). A stale session must not lock anyone out of the login that renews it.</li>
 * <li>A cookie on an unsafe request from a page whose origin is not allowed ({@link BrowserOrigins}):
 *     anonymous too, and 403 {@code CROSS_SITE_REQUEST} for whatever requires a caller.</li>
 * <li>A session ended by its logout: 401 {@code SESSION_REVOKED}, as for any session that does not hold.</li>
 * </ul>
 *
 * <p>The mechanism answers itself only where the container protects the path ({@link #answersItself}).
 *
 * <p>Not a bean by itself: {@link SessionMechanismExtension} adds it where sessions are on, so an
 * application with sessions off keeps its own mechanism.
 */
public class SessionMechanism implements HttpAuthenticationMechanism {
    private volatile Sessions sessions;
    private volatile BrowserOrigins origins;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Sessions sessions = sessions();
        Presented presented = sessions.presented(request);
        boolean answerHere = answersItself(context);
        if (presented == null) {
            return answerHere
                    ? refuse(response, new NotAuthenticatedException(ErrorCode.SESSION_REQUIRED, "log in first: this needs a session"))
                    : context.doNothing();
        }
        Verdict verdict = sessions.verify(presented);
        if (!verdict.isValid()) {
            request.setAttribute(Sessions.REFUSED, verdict);
            if (answerHere) {
                return refuse(response, Sessions.refusal(verdict));
            }
            return context.doNothing();
        }
        if (presented.source() == Sessions.Source.COOKIE && Sessions.unsafe(request.getMethod())
                && !origins().allows(request)) {
            // what answers the request refuses it (and records it) where it needs a caller
            Verdict crossSite = new Verdict(null, ErrorCode.CROSS_SITE_REQUEST,
                    "a request from another site may not use this site's session");
            request.setAttribute(Sessions.REFUSED, crossSite);
            return answerHere ? refuse(response, Sessions.refusal(crossSite)) : context.doNothing();
        }
        request.setAttribute(Sessions.USER, verdict.user());
        return context.notifyContainerAboutLogin(verdict.user(), new LinkedHashSet<>(sessions.settings().groups()));
    }

    /**
     * Looked up, not injected: a type an extension adds may sit in a bean archive of its own, from
     * which Payara's Weld does not see the application's beans.
     */
    private Sessions sessions() {
        Sessions found = sessions;
        if (found == null) {
            found = CDI.current().select(Sessions.class).get();
            sessions = found;
        }
        return found;
    }

    private BrowserOrigins origins() {
        BrowserOrigins found = origins;
        if (found == null) {
            found = CDI.current().select(BrowserOrigins.class).get();
            origins = found;
        }
        return found;
    }

    /**
     * Only where the container protects the path and asked on its own: Open Liberty runs the
     * resource even after {@code SEND_FAILURE} on an open path, and Payara calls
     * {@code authenticate()} for a {@code @PermitAll} method of a class with {@code @RolesAllowed}
     * and goes on to the method; an answer written then would be mixed with the method's. Elsewhere
     * the 401 comes from what requires the caller ({@code SessionRoles}, {@code /api/me}).
     */
    private static boolean answersItself(HttpMessageContext context) {
        return context.isProtected() && !context.isAuthenticationRequest();
    }

    /** The module's JSON error, written and sent here, so no container error page replaces it. */
    static AuthenticationStatus refuse(HttpServletResponse response, AltsCodexException refusal) {
        try {
            response.setStatus(refusal.status());
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            // this answer leaves before the application's filters would have added their headers
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "no-store");
            if (refusal.status() == 401) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"altscodex\"");
            }
            byte[] body = ErrorJson.body(refusal).getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        } catch (IOException | IllegalStateException gone) {
            // the client left, or the answer was under way: the status is all that is left to say
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
