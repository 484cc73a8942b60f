package com.altscodex.jakarta.rest;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps the JAX-RS runtime's hands off the module's request bodies, which the endpoints read
 * themselves without a thread ({@link LoginEndpoint}). For a form, Jersey reads the first bytes of
 * the body on the request thread before any endpoint runs (blocking for as long as a slow client
 * likes), and when the body is empty it takes the query string's parameters for form fields and
 * logs the request's URI, a JWT in its query included. Behind this filter a form is announced to
 * the runtime as {@code application/octet-stream} (the endpoint still sees its real type), and the
 * request shows no servlet parameters: the module's endpoints take their query through JAX-RS.
 *
 * <p>Map it to the login and callback paths; the WAR maps it to {@code /api/*}.
 */
public class RawBodyFilter implements Filter {
    /** The request attribute holding the Content-Type the client sent. */
    static final String CONTENT_TYPE = RawBodyFilter.class.getName() + ".contentType";
    private static final String MASKED = "application/octet-stream";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http) {
            String type = http.getContentType();
            if (type != null) {
                request.setAttribute(CONTENT_TYPE, type);
            }
            chain.doFilter(new Wrapped(http, isForm(type)), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static boolean isForm(String type) {
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** The Content-Type the client sent, where this filter stands in front; else the header. */
    static String originalContentType(HttpServletRequest request, String header) {
        Object saved = request == null ? null : request.getAttribute(CONTENT_TYPE);
        return saved instanceof String type ? type : header;
    }

    private static final class Wrapped extends HttpServletRequestWrapper {
        private final boolean masked;

        Wrapped(HttpServletRequest request, boolean masked) {
            super(request);
            this.masked = masked;
        }

        @Override
        public String getContentType() {
            return masked ? MASKED : super.getContentType();
        }

        @Override
        public String getHeader(String name) {
            return masked && name.equalsIgnoreCase("Content-Type") ? MASKED : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return masked && name.equalsIgnoreCase("Content-Type")
                    ? Collections.enumeration(java.util.List.of(MASKED)) : super.getHeaders(name);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
