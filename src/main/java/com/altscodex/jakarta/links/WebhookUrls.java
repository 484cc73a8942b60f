package com.altscodex.jakarta.links;

import com.altscodex.jakarta.config.AddressRange;
import com.altscodex.jakarta.error.BadRequestException;
import com.altscodex.jakarta.error.ErrorCode;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which webhook URLs may be called: https to a host whose every address is on the public internet,
 * so a caller cannot make this server post into its own network (SSRF). Hosts on
 * {@code altscodex.links.webhook-allowed-hosts} may be called over plain http and skip the address
 * check: an in-house receiver. The check resolves the host, so it runs off a request thread, once
 * when the link is issued and again before each delivery, which then connects to the address
 * checked (a second lookup could answer otherwise: DNS rebinding).
 */
final class WebhookUrls {
    static final int MAX_URL = 2048;
    private static final Pattern DOTTED_DECIMAL = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
    /** Digits, dots and hex: what some resolvers read as an IPv4 address in another notation. */
    private static final Pattern NUMERIC = Pattern.compile("(0x[0-9a-f]*|\\d+)(\\.(0x[0-9a-f]*|\\d+))*\\.?");

    private static final List<Blocked> BLOCKED = List.of(
            new Blocked("0.0.0.0/8", "an unspecified address"), new Blocked("::/128", "an unspecified address"),
            new Blocked("127.0.0.0/8", "a loopback address"), new Blocked("::1/128", "a loopback address"),
            new Blocked("10.0.0.0/8", "a private address"), new Blocked("172.16.0.0/12", "a private address"),
            new Blocked("192.168.0.0/16", "a private address"), new Blocked("fc00::/7", "a private address"),
            new Blocked("169.254.0.0/16", "a link-local address (cloud metadata lives there)"),
            new Blocked("fe80::/10", "a link-local address"),
            new Blocked("100.64.0.0/10", "a carrier-grade NAT address"),
            new Blocked("224.0.0.0/4", "a multicast address"), new Blocked("ff00::/8", "a multicast address"),
            new Blocked("240.0.0.0/4", "a reserved or broadcast address"));

    private record Blocked(AddressRange range, String kind) {
        Blocked(String cidr, String kind) {
            this(AddressRange.parse(cidr), kind);
        }
    }

    /** How a host name is looked up: the JDK's resolver, or a test's. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * A URL that may be called, and where.
     *
     * @param target the URL as given, for the request line and the Host header
     * @param address the address to connect to: the one the check accepted
     * @param allowListed whether the host is on {@code altscodex.links.webhook-allowed-hosts}
     */
    record Target(URI target, String host, int port, InetAddress address, boolean allowListed) {
        boolean https() {
            return "https".equalsIgnoreCase(target.getScheme());
        }

        /** The request target: the path and query, at least {@code /}. */
        String pathAndQuery() {
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            return target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
        }

        /** The Host header: the host as written, with the port where it is not the scheme's own. */
        String hostHeader() {
            boolean defaultPort = https() ? port == 443 : port == 80;
            String name = host.contains(":") ? "[" + host + "]" : host;
            return defaultPort ? name : name + ":" + port;
        }

        @Override
        public String toString() {
            return "Target[" + target.getScheme() + "://" + hostHeader() + ", " + address.getHostAddress() + "]";
        }
    }

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    WebhookUrls(Set<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.resolver = resolver;
    }

    WebhookUrls(Set<String> allowedHosts) {
        this(allowedHosts, InetAddress::getAllByName);
    }

    /**
     * The target of {@code url}, resolved and checked.
     *
     * @throws BadRequestException {@code WEBHOOK_URL_REFUSED}, saying why in words
     */
    Target check(String url) {
        URI uri = parse(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused("webhook_url must be an https URL (" + (scheme.isEmpty() ? "it has no scheme" : scheme + ": is not one") + ")");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw refused("webhook_url must not hold a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw refused("webhook_url must not hold a fragment (#…)");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() && uri.getRawAuthority() != null) {
            // java.net.URI keeps a host such as 0x7f.1 or 127.1 only as a "registry" authority.
            String authority = uri.getRawAuthority().toLowerCase(Locale.ROOT).replaceFirst(":\\d*$", "");
            if (NUMERIC.matcher(authority).matches()) {
                throw refused("webhook_url's host " + authority + " is a number in another form than a.b.c.d (decimal,"
                        + " octal or hex): write the receiver's name");
            }
            throw refused("webhook_url's host " + authority + " is not a host name");
        }
        if (host.isEmpty()) {
            throw refused("webhook_url has no host");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        boolean allowListed = allowedHosts.contains(host) || allowedHosts.contains(host + ":" + port);
        if (!bare.contains(":") && NUMERIC.matcher(bare).matches() && !DOTTED_DECIMAL.matcher(bare).matches()) {
            throw refused("webhook_url's host " + host + " is a number in another form than a.b.c.d (decimal, octal or"
                    + " hex): write the receiver's name");
        }
        if (scheme.equals("http") && !allowListed) {
            throw refused("webhook_url must be https; plain http only for a host on altscodex.links.webhook-allowed-hosts");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException | SecurityException e) {
            throw refused("webhook_url's host " + host + " cannot be resolved");
        }
        if (addresses == null || addresses.length == 0) {
            throw refused("webhook_url's host " + host + " cannot be resolved");
        }
        if (!allowListed) {
            for (InetAddress address : addresses) {
                String kind = blockedKind(address.getAddress());
                if (kind != null) {
                    throw refused("webhook_url's host " + host + " resolves to " + address.getHostAddress() + ", " + kind
                            + ": webhooks may only go to the public internet (an in-house receiver goes on"
                            + " altscodex.links.webhook-allowed-hosts)");
                }
            }
        }
        return new Target(uri, bare, port, addresses[0], allowListed);
    }

    /** What kind of address outside the public internet this is, or null for a public one. */
    static String blockedKind(byte[] address) {
        for (Blocked blocked : BLOCKED) {
            if (blocked.range().contains(address)) {
                return blocked.kind();
            }
        }
        byte[] embedded = embeddedV4(address);
        for (Blocked blocked : BLOCKED) {
            if (embedded != null && blocked.range().contains(embedded)) {
                return blocked.kind() + " (inside an IPv6 address)";
            }
        }
        return null;
    }

    /**
     * The IPv4 address an IPv6 one carries: IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible
     * ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::a.b.c.d}) or 6to4 ({@code 2002:AABB:CCDD::}); else null.
     */
    static byte[] embeddedV4(byte[] address) {
        if (address.length != 16) {
            return null;
        }
        boolean zeroTo10 = true;
        for (int i = 0; i < 10; i++) {
            zeroTo10 &= address[i] == 0;
        }
        boolean mapped = zeroTo10 && address[10] == (byte) 0xff && address[11] == (byte) 0xff;
        boolean compatible = zeroTo10 && address[10] == 0 && address[11] == 0;
        boolean nat64 = address[0] == 0 && address[1] == 0x64 && address[2] == (byte) 0xff && address[3] == (byte) 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = address[i] == 0;
        }
        if (mapped || compatible || nat64) {
            return new byte[] {address[12], address[13], address[14], address[15]};
        }
        if (address[0] == 0x20 && address[1] == 0x02) {
            return new byte[] {address[2], address[3], address[4], address[5]};
        }
        return null;
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            throw refused("webhook_url must be an absolute https URL of at most " + MAX_URL + " characters");
        }
        try {
            return new URI(url.trim());
        } catch (URISyntaxException e) {
            throw refused("webhook_url is not a URL");
        }
    }

    private static BadRequestException refused(String why) {
        return new BadRequestException(ErrorCode.WEBHOOK_URL_REFUSED, why);
    }
}
