package com.altscodex.jakarta.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Origins ({@code scheme://host[:port]}) written one way, so a configured origin and the
 * {@code Origin} header a browser sends compare as strings: lower case, the default port left out.
 */
public final class Origins {

    private Origins() {
    }

    /** The origin of an absolute http(s) URI. */
    public static String of(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port < 0 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /**
     * An {@code Origin} header's value as {@link #of} writes it, or null when it is no http(s)
     * origin (e.g. {@code null}, which a sandboxed page or a privacy-minded redirect sends).
     */
    public static String normalize(String header) {
        if (header == null) {
            return null;
        }
        try {
            URI uri = new URI(header.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
                return null;
            }
            return of(uri);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
