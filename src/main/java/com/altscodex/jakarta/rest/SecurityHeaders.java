package com.altscodex.jakarta.rest;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers every answer of the module carries, set before the answer is made, so they are on
 * the suspended logins' late answers too:
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}: a JSON answer is never run as a script;</li>
 * <li>{@code Content-Security-Policy}: scripts and styles only from this site's own files (none
 *     inline), never framed ({@code frame-ancestors 'none'}, and {@code X-Frame-Options} for older
 *     browsers), forms only to this site, no {@code <base>};</li>
 * <li>{@code Referrer-Policy: no-referrer} on a login link's pages, whose URL holds the link's token.</li>
 * </ul>
 * Map it to {@code /*}; the WAR does.
 */
public class SecurityHeaders implements Filter {
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http && request instanceof HttpServletRequest asked) {
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("Content-Security-Policy", POLICY);
            http.setHeader("X-Frame-Options", "DENY");
            if (holdsLinkToken(asked)) {
                http.setHeader("Referrer-Policy", "no-referrer");
            }
        }
        chain.doFilter(request, response);
    }

    /** A login link's page ({@code …/link/<token>}) or the code page that leads to one. */
    static boolean holdsLinkToken(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path != null && (path.contains("/link/") || path.endsWith("/link"));
    }
}
