package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.audit.Audit;
import com.altscodex.jakarta.audit.AuditEvent.Kind;
import com.altscodex.jakarta.config.SettingsReader;
import com.altscodex.jakarta.error.AccessDeniedException;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.session.SessionTokens.Verdict;
import com.altscodex.jakarta.session.Sessions;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on JAX-RS resources, the same on
 * every server and in the module's JSON: no caller is 401 (saying why a session was refused), a
 * caller without the role 403. Jersey would answer an anonymous caller 403 and RESTEasy ignores the
 * annotations unless told otherwise. Active where sessions are on; a method's annotation outranks
 * its class's.
 */
@Provider
public class SessionRoles implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method == null || !sessionsOn()) {
            return;
        }
        Class<?> type = resource.getResourceClass();
        if (method.isAnnotationPresent(DenyAll.class)) {
            context.register(new Check(null));
        } else if (method.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new Check(List.of(method.getAnnotation(RolesAllowed.class).value())));
        } else if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        } else if (type.isAnnotationPresent(DenyAll.class)) {
            context.register(new Check(null));
        } else if (type.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new Check(List.of(type.getAnnotation(RolesAllowed.class).value())));
        }
    }

    /** From the configuration: CDI may not be there yet while the runtime builds its resource model. */
    private static boolean sessionsOn() {
        Config config = ConfigProvider.getConfig();
        return SettingsReader.sessionsEnabled(key -> config.getOptionalValue(key, String.class));
    }

    /**
     * The roles one resource method takes; null for none at all ({@code @DenyAll}). Before the
     * runtime's own authorization, so the answer is the module's JSON wherever both look.
     */
    @Priority(Priorities.AUTHENTICATION + 1)
    static final class Check implements ContainerRequestFilter {
        private final List<String> roles;

        Check(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext context) {
            var security = context.getSecurityContext();
            if (roles != null && security.getUserPrincipal() == null) {
                // in a servlet container the request's properties are its attributes (JAX-RS 3.1, 9.4)
                Verdict refused = context.getProperty(Sessions.REFUSED) instanceof Verdict verdict ? verdict : null;
                if (refused != null && refused.refusal() == ErrorCode.CROSS_SITE_REQUEST) {
                    CDI.current().select(Audit.class).get().record(Kind.CROSS_SITE_REFUSED, null, null, null,
                            context.getMethod() + " with the session cookie, from another site's page");
                }
                context.abortWith(MeEndpoint.unauthenticated(refused));
                return;
            }
            if (roles == null || roles.stream().noneMatch(security::isUserInRole)) {
                context.abortWith(LoginJson.failure(new AccessDeniedException(ErrorCode.FORBIDDEN,
                        roles == null ? "nobody may call this" : "this needs the role " + String.join(" or ", roles))));
            }
        }
    }
}
