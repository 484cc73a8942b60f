package com.altscodex.jakarta.config;

import java.net.URI;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where the shared store is: {@code redis://[:password@]host:port/db} or {@code rediss://…}. The
 * password (and any user) never leaves this class but to connect: {@link #toString()} hides it.
 */
public final class RedisLocation {
    private final String uri;
    private final String shown;

    private RedisLocation(String uri, String shown) {
        this.uri = uri;
        this.shown = shown;
    }

    /** @throws IllegalArgumentException naming what is wrong, never quoting the text */
    public static RedisLocation parse(String text) {
        URI parsed;
        try {
            parsed = URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URI");
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss") || parsed.getHost() == null) {
            throw new IllegalArgumentException("not a redis:// or rediss:// URI with a host");
        }
        String path = parsed.getPath() == null ? "" : parsed.getPath();
        if (!path.isEmpty() && !path.matches("/\\d{0,2}")) {
            throw new IllegalArgumentException("the path must be a database number, like /0");
        }
        int port = parsed.getPort() < 0 ? 6379 : parsed.getPort();
        String shown = scheme + "://" + (parsed.getRawUserInfo() == null ? "" : "****@")
                + parsed.getHost() + ":" + port + path;
        return new RedisLocation(text.trim(), shown);
    }

    /** What {@code connector} makes of the full URI, password included: the one way to it. */
    public <T> T connect(Function<String, T> connector) {
        return connector.apply(uri);
    }

    @Override
    public String toString() {
        return shown;
    }
}
