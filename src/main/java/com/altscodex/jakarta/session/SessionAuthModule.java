package com.altscodex.jakarta.session;

import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.ErrorJson;
import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * The module's sessions as a Jakarta Authentication module, registered for the application by
 * {@link SessionAuthModuleInstaller}: what {@link SessionCheck} makes of the request, told to the
 * container through its callbacks, so {@code @RolesAllowed}, {@code SecurityContext} and
 * {@code isUserInRole} work as with any container login, on every server.
 *
 * <p>Not a Jakarta Security mechanism: on Payara and WildFly one is reached through Soteria's
 * bridge, itself such a module, which looks the {@code BeanManager} up in JNDI (building a
 * {@code NamingException}) and resolves the mechanism's bean on both calls of every request, the
 * login's and the callback's too: 9% of Payara's CPU per login.
 */
final class SessionAuthModule implements ServerAuthModule {
    private static final String MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";
    /**
     * Soteria's mark of a request that {@code SecurityContext.authenticate} (or the server for it)
     * asked to authenticate, rather than the container for a protected path.
     */
    private static final String AUTHENTICATE_CALL = "org.glassfish.soteria.security.message.request.authentication";

    private final SessionCheck check;
    private volatile CallbackHandler handler;

    SessionAuthModule() {
        this(new SessionCheck());
    }

    SessionAuthModule(SessionCheck check) {
        this.check = check;
    }

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
            @SuppressWarnings("rawtypes") Map options) {
        this.handler = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return new Class<?>[] {HttpServletRequest.class, HttpServletResponse.class};
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        HttpServletRequest request = (HttpServletRequest) message.getRequestMessage();
        SessionCheck.Outcome outcome = check.of(request, answersItself(message, request));
        if (outcome instanceof SessionCheck.Caller caller) {
            tell(new CallerPrincipalCallback(client, caller.user()),
                    new GroupPrincipalCallback(client, caller.groups().toArray(String[]::new)));
            return AuthStatus.SUCCESS;
        }
        if (outcome instanceof SessionCheck.Refused refused) {
            answer((HttpServletResponse) message.getResponseMessage(), refused.refusal());
            return AuthStatus.SEND_FAILURE;
        }
        // anonymous: a caller without a name, as Jakarta Authentication has a module say so
        tell(new CallerPrincipalCallback(client, (Principal) null));
        return AuthStatus.SUCCESS;
    }

    /**
     * Only where the container protects the path and asked on its own: Open Liberty runs the
     * resource even after {@code SEND_FAILURE} on an open path, and Payara asks for a
     * {@code @PermitAll} method of a class with {@code @RolesAllowed} and goes on to the method; an
     * answer written then would be mixed with the method's. Elsewhere the 401 comes from what
     * requires the caller ({@code SessionRoles}, {@code /api/me}).
     */
    private static boolean answersItself(MessageInfo message, HttpServletRequest request) {
        return Boolean.parseBoolean(String.valueOf(message.getMap().get(MANDATORY)))
                && !Boolean.TRUE.equals(request.getAttribute(AUTHENTICATE_CALL));
    }

    /** The module's JSON error, written and sent here, so no container error page replaces it. */
    private static void answer(HttpServletResponse response, AltsCodexException refusal) {
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
    }

    private void tell(Callback... callbacks) throws AuthException {
        try {
            handler.handle(callbacks);
        } catch (IOException | UnsupportedCallbackException refused) {
            AuthException failure = new AuthException("the container refused the session's caller");
            failure.initCause(refused);
            throw failure;
        }
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().clear();
        }
    }
}
