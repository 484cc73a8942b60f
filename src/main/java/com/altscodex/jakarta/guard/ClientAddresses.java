package com.altscodex.jakarta.guard;

import com.altscodex.jakarta.config.AddressRange;
import com.altscodex.jakarta.config.AltsCodexSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Which address a request comes from: the peer's, unless the peer is one of
 * {@code altscodex.trusted-proxies}; then the right-most address of {@code X-Forwarded-For} (or,
 * where a proxy sends none, of {@code Forwarded}) that is not a trusted proxy. What an untrusted
 * client writes into those headers changes nothing: only a trusted proxy's word is read, and each
 * proxy appends the address it saw on the right.
 */
@ApplicationScoped
public class ClientAddresses {
    /** Longer entries are no address; the rest of the header is not read. */
    private static final int MAX_ENTRY = 64;
    private static final int MAX_ENTRIES = 32;

    private List<AddressRange> trusted;

    /** For CDI's client proxy only. */
    protected ClientAddresses() {
    }

    @Inject
    public ClientAddresses(AltsCodexSettings settings) {
        this(settings.security().trustedProxies());
    }

    public ClientAddresses(List<AddressRange> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** The client's address, as text (IPv6 without brackets). */
    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (trusted.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        List<String> forwardedFor = Collections.list(request.getHeaders("X-Forwarded-For"));
        List<String> chain = !forwardedFor.isEmpty() ? entries(forwardedFor, ClientAddresses::xForwardedFor)
                : entries(Collections.list(request.getHeaders("Forwarded")), ClientAddresses::forwardedFor);
        return clientOf(peer, chain);
    }

    /** The right-most entry of {@code chain} that is no trusted proxy; the left-most where all are. */
    String clientOf(String peer, List<String> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return chain.isEmpty() ? peer : chain.get(0);
    }

    private boolean isTrusted(String address) {
        byte[] bytes = AddressRange.literal(address);
        if (bytes == null) {
            return false;
        }
        for (AddressRange range : trusted) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> entries(List<String> headers, java.util.function.Function<String, String> parse) {
        List<String> chain = new ArrayList<>();
        for (String header : headers) {
            for (String entry : header.split(",")) {
                if (chain.size() == MAX_ENTRIES) {
                    // a chain this long is made up: its right end, which the proxies wrote, is what counts
                    chain.remove(0);
                }
                chain.add(parse.apply(entry.trim()));
            }
        }
        return chain;
    }

    /** {@code 203.0.113.7}, {@code 203.0.113.7:4711}, {@code 2001:db8::1} or {@code [2001:db8::1]:4711}. */
    static String xForwardedFor(String entry) {
        return address(entry);
    }

    /** The {@code for=} of one {@code Forwarded} element: {@code for=192.0.2.60;proto=http}, {@code for="[2001:db8::1]:4711"}. */
    static String forwardedFor(String element) {
        for (String pair : element.split(";")) {
            String trimmed = pair.trim();
            if (trimmed.regionMatches(true, 0, "for=", 0, 4)) {
                String value = trimmed.substring(4).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return address(value);
            }
        }
        return "unknown";
    }

    /** An address without its port, in the JDK's canonical text; anything else as a bounded token. */
    static String address(String text) {
        String value = text.length() > MAX_ENTRY ? text.substring(0, MAX_ENTRY) : text;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            value = close > 0 ? value.substring(1, close) : value;
        } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            value = value.substring(0, value.indexOf(':'));
        }
        byte[] bytes = AddressRange.literal(value);
        if (bytes == null) {
            return value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._:-]", "?");
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException impossible) {
            return value;
        }
    }
}
