package com.altscodex.jakarta.guard;

import com.altscodex.jakarta.audit.Audit;
import com.altscodex.jakarta.audit.AuditEvent.Kind;
import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.Origins;
import com.altscodex.jakarta.error.AccessDeniedException;
import com.altscodex.jakarta.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * Which pages may make the module's state-changing browser requests (a login, a link's login, a
 * logout): a browser names the page's origin in {@code Origin} and how it relates to ours in
 * {@code Sec-Fetch-Site}, and no page can forge either. Allowed are the redirect URI's origin and
 * {@code altscodex.allowed-origins}. A request with neither header is no page's (a game client, a
 * server, curl) and goes through; so a form on another site cannot log a user in as someone else
 * (login CSRF) nor out.
 */
@ApplicationScoped
public class BrowserOrigins {
    private Set<String> allowed;
    private Set<String> configured;
    private Audit audit;
    private ClientAddresses addresses;

    /** For CDI's client proxy only. */
    protected BrowserOrigins() {
    }

    @Inject
    public BrowserOrigins(AltsCodexSettings settings, Audit audit, ClientAddresses addresses) {
        this.allowed = settings.security().allowedOrigins();
        this.configured = settings.security().configuredOrigins();
        this.audit = audit;
        this.addresses = addresses;
    }

    /** Whether the request may change state here (no audit: see {@link #refusal}). */
    public boolean allows(HttpServletRequest request) {
        return mayChangeState(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"));
    }

    /**
     * The 403 {@code CROSS_SITE_REQUEST} for a state-changing request that another site's page made,
     * recorded as an audit event; null for a request that may go on.
     */
    public AccessDeniedException refusal(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (mayChangeState(fetchSite, origin)) {
            return null;
        }
        String from = origin != null ? " from " + Audit.shown(origin) : " (Sec-Fetch-Site: cross-site)";
        // the path of a link's page holds its token: the method and the servlet path say enough
        audit.record(Kind.CROSS_SITE_REFUSED, addresses.of(request), null, null,
                request.getMethod() + " " + request.getServletPath() + from);
        return new AccessDeniedException(ErrorCode.CROSS_SITE_REQUEST, origin != null
                ? "this request came from a page of " + Audit.shown(origin) + ", which is not one of this site's"
                        + " allowed origins (altscodex.allowed-origins)"
                : "this request came from another site's page");
    }

    /**
     * Whether a page with this {@code Origin} and {@code Sec-Fetch-Site} may change state here. An
     * origin listed in {@code altscodex.allowed-origins} may be another site (a single-page app
     * elsewhere); the redirect URI's own origin never sends {@code cross-site}.
     */
    boolean mayChangeState(String fetchSite, String origin) {
        String normalized = Origins.normalize(origin);
        if (origin != null && (normalized == null || !allowed.contains(normalized))) {
            return false;
        }
        if (fetchSite != null && fetchSite.trim().equalsIgnoreCase("cross-site")) {
            return normalized != null && configured.contains(normalized);
        }
        return true;
    }

    /** The {@code Origin} as the CORS answer repeats it, or null for an origin that is not allowed. */
    public String corsOrigin(String origin) {
        String normalized = Origins.normalize(origin);
        return normalized != null && allowed.contains(normalized) ? origin.trim() : null;
    }
}
