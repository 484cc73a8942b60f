package com.altscodex.jakarta.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where the shared store is: one server, {@code redis://[[user]:password@]host[:port][/db]} (or
 * {@code rediss://} for TLS), or a primary found through Sentinel,
 * {@code redis-sentinel://[[user]:password@]host[:port][,host[:port]…][/db]#primary-name} (or
 * {@code rediss-sentinel://}), or a Redis Cluster found through some of its nodes,
 * {@code redis://[[user]:password@]host[:port][,host[:port]…]} read with {@code cluster}. The password
 * (and any user) never leaves this class but to connect: {@link #toString()} hides it.
 */
public final class RedisLocation {
    private static final int PORT = 6379;
    private static final int SENTINEL_PORT = 26379;

    private final String uri;
    private final String shown;
    private final boolean sentinel;
    private final boolean secure;
    private final RedisTls tls;
    /** For a cluster: one URI per seed node, each with the user and password; else empty. */
    private final List<String> seeds;

    private RedisLocation(String uri, String shown, boolean sentinel, boolean secure, RedisTls tls, List<String> seeds) {
        this.uri = uri;
        this.shown = shown;
        this.sentinel = sentinel;
        this.secure = secure;
        this.tls = tls;
        this.seeds = seeds;
    }

    /** @throws IllegalArgumentException naming what is wrong, never quoting the text */
    public static RedisLocation parse(String text) {
        return parse(text, false);
    }

    /**
     * @param cluster whether the URI names nodes of a Redis Cluster (several hosts allowed, no database)
     * @throws IllegalArgumentException naming what is wrong, never quoting the text
     */
    public static RedisLocation parse(String text, boolean cluster) {
        String uri = text.trim();
        try {
            // what the Redis client parses it with; its message would quote the password
            java.net.URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URI (a literal IPv6 address cannot be one of several sentinels)");
        }
        int schemeEnd = uri.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : uri.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        boolean sentinel = scheme.equals("redis-sentinel") || scheme.equals("rediss-sentinel");
        if (!sentinel && !scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("not a redis://, rediss://, redis-sentinel:// or rediss-sentinel:// URI");
        }
        String rest = uri.substring(schemeEnd + 3);
        int hash = rest.indexOf('#');
        String primary = hash < 0 ? null : rest.substring(hash + 1);
        rest = hash < 0 ? rest : rest.substring(0, hash);
        if (sentinel && (primary == null || !primary.matches("[A-Za-z0-9._-]{1,64}"))) {
            throw new IllegalArgumentException("a Sentinel URI ends with #<the primary's name in Sentinel>, like #mymaster");
        }
        if (!sentinel && primary != null) {
            throw new IllegalArgumentException("only a redis-sentinel:// URI has a #primary name");
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        if (!path.isEmpty() && !path.matches("/\\d{0,2}")) {
            throw new IllegalArgumentException("the path must be a database number, like /0");
        }
        int at = authority.lastIndexOf('@');
        String hosts = at < 0 ? authority : authority.substring(at + 1);
        List<String> shownHosts = new ArrayList<>();
        for (String host : hosts.split(",", -1)) {
            shownHosts.add(hostAndPort(host, sentinel ? SENTINEL_PORT : PORT));
        }
        if (cluster && sentinel) {
            throw new IllegalArgumentException("a cluster is reached through its nodes, not Sentinel: redis://node1:6379,node2:6379");
        }
        if (cluster && !path.isEmpty() && !path.equals("/") && !path.equals("/0")) {
            throw new IllegalArgumentException("a cluster has only database 0");
        }
        if (!sentinel && !cluster && shownHosts.size() > 1) {
            throw new IllegalArgumentException("several hosts are for Sentinel (redis-sentinel://host1,host2#mymaster)"
                    + " or a cluster (with altscodex.redis.cluster=true)");
        }
        String shown = scheme + "://" + (at < 0 ? "" : "****@") + String.join(",", shownHosts) + path
                + (sentinel ? "#" + primary : "") + (cluster ? " (cluster)" : "");
        List<String> seeds = new ArrayList<>();
        if (cluster) {
            String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
            for (String host : shownHosts) {
                seeds.add(scheme + "://" + userInfo + host);
            }
        }
        return new RedisLocation(uri, shown, sentinel, scheme.startsWith("rediss"), RedisTls.DEFAULT, List.copyOf(seeds));
    }

    /** {@code host[:port]} with the port made explicit; a literal IPv6 address in brackets. */
    private static String hostAndPort(String text, int defaultPort) {
        String host = text;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("an IPv6 address in brackets lacks its ]");
            }
            host = text.substring(0, close + 1);
            String after = text.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new IllegalArgumentException("after an IPv6 address in brackets comes :port or nothing");
                }
                port = after.substring(1);
            }
        } else if (text.contains(":")) {
            host = text.substring(0, text.indexOf(':'));
            port = text.substring(text.indexOf(':') + 1);
        }
        if (!host.matches("\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("not a redis://, rediss://, redis-sentinel:// or rediss-sentinel:// URI with a host");
        }
        int number = defaultPort;
        if (port != null) {
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                throw new IllegalArgumentException("a port is a number from 1 to 65535");
            }
            number = Integer.parseInt(port);
        }
        return host + ":" + number;
    }

    /** Whether the primary is found through Sentinel, which says where it is after a failover. */
    public boolean sentinel() {
        return sentinel;
    }

    /** Whether the URI asks for TLS ({@code rediss://}, {@code rediss-sentinel://}). */
    public boolean secure() {
        return secure;
    }

    /** How TLS is trusted, when {@link #secure}. */
    public RedisTls tls() {
        return tls;
    }

    /** The same location, trusted so. */
    public RedisLocation withTls(RedisTls trusted) {
        return new RedisLocation(uri, shown, sentinel, secure, trusted, seeds);
    }

    /** Whether this is a Redis Cluster, reached through {@link #connectSeeds}. */
    public boolean cluster() {
        return !seeds.isEmpty();
    }

    /** What {@code connector} makes of the full URI, password included: the one way to it. */
    public <T> T connect(Function<String, T> connector) {
        return connector.apply(uri);
    }

    /** What {@code connector} makes of each seed node's URI, password included, for a cluster. */
    public <T> List<T> connectSeeds(Function<String, T> connector) {
        return seeds.stream().map(connector).toList();
    }

    @Override
    public String toString() {
        return shown;
    }
}
