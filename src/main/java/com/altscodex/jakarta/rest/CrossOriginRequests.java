package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.audit.Audit;
import com.altscodex.jakarta.audit.AuditEvent.Kind;
import com.altscodex.jakarta.error.AccessDeniedException;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.error.ErrorJson;
import com.altscodex.jakarta.guard.BrowserOrigins;
import com.altscodex.jakarta.guard.ClientAddresses;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * CORS for the allowed origins (the redirect URI's, and {@code altscodex.allowed-origins}): their
 * pages may call the module's API with credentials (the session cookie) and read its answers. A
 * preflight of an allowed origin is answered here; of any other origin, refused with 403
 * {@code CROSS_SITE_REQUEST}; and no answer to another origin carries a CORS header, so its page
 * reads nothing. Map it to the API's paths; the WAR maps it to {@code /api/*}.
 */
public class CrossOriginRequests implements Filter {
    static final String METHODS = "GET, POST, OPTIONS";
    /** What the module's endpoints read; a preflight asking for more is answered with these alone. */
    private static final Set<String> HEADERS = Set.of("content-type", "authorization", "accept");
    private static final String MAX_AGE = "600";

    @Inject
    private BrowserOrigins origins;

    @Inject
    private ClientAddresses addresses;

    @Inject
    private Audit audit;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest asked) || !(response instanceof HttpServletResponse answer)
                || asked.getHeader("Origin") == null) {
            chain.doFilter(request, response);
            return;
        }
        answer.addHeader("Vary", "Origin");
        String allowed = origins.corsOrigin(asked.getHeader("Origin"));
        boolean preflight = "OPTIONS".equals(asked.getMethod()) && asked.getHeader("Access-Control-Request-Method") != null;
        if (allowed == null) {
            if (preflight) {
                refusePreflight(asked, answer);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        answer.setHeader("Access-Control-Allow-Origin", allowed);
        answer.setHeader("Access-Control-Allow-Credentials", "true");
        answer.setHeader("Access-Control-Expose-Headers", "Retry-After, WWW-Authenticate");
        if (!preflight) {
            chain.doFilter(request, response);
            return;
        }
        answer.setHeader("Access-Control-Allow-Methods", METHODS);
        answer.setHeader("Access-Control-Allow-Headers", allowedHeaders(asked.getHeader("Access-Control-Request-Headers")));
        answer.setHeader("Access-Control-Max-Age", MAX_AGE);
        answer.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** The requested headers the module reads, or all it reads when none were asked for. */
    static String allowedHeaders(String requested) {
        if (requested == null || requested.isBlank()) {
            return "Content-Type, Authorization, Accept";
        }
        StringBuilder allowed = new StringBuilder();
        for (String header : requested.split(",")) {
            String name = header.trim().toLowerCase(Locale.ROOT);
            if (HEADERS.contains(name)) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(name);
            }
        }
        return allowed.length() == 0 ? "Content-Type, Authorization, Accept" : allowed.toString();
    }

    private void refusePreflight(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String origin = Audit.shown(request.getHeader("Origin"));
        audit.record(Kind.CROSS_SITE_REFUSED, addresses.of(request), null, null,
                "preflight of " + request.getServletPath() + " from " + origin);
        AccessDeniedException refusal = new AccessDeniedException(ErrorCode.CROSS_SITE_REQUEST,
                "the origin " + origin + " may not call this API: it is not one of altscodex.allowed-origins");
        byte[] body = ErrorJson.body(refusal).getBytes(StandardCharsets.UTF_8);
        response.setStatus(refusal.status());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
