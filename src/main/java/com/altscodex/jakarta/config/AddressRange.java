package com.altscodex.jakarta.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), or one
 * address. Parsed from literals only: a host name is refused rather than looked up.
 */
public final class AddressRange {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private final byte[] network;
    private final int prefix;
    private final String text;

    private AddressRange(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /** @throws IllegalArgumentException saying what is wrong with {@code cidr} */
    public static AddressRange parse(String cidr) {
        String trimmed = cidr.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + trimmed + "' is not an IP address or a CIDR block");
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + trimmed + "' has a prefix length outside 0-" + bits);
            }
        }
        return new AddressRange(mask(bytes, prefix), prefix, trimmed.toLowerCase(Locale.ROOT));
    }

    /** The bytes of a literal IPv4 or IPv6 address (an IPv4-mapped IPv6 one as IPv4), or null for anything else. */
    public static byte[] literal(String text) {
        String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = IPV4.matcher(address).matches();
        if (v4) {
            for (String part : address.split("\\.")) {
                if (Integer.parseInt(part) > 255 || part.length() > 1 && part.startsWith("0")) {
                    return null;
                }
            }
        } else if (!address.contains(":") || !IPV6.matcher(address).matches()) {
            return null;
        }
        try {
            // a literal only (checked above): no name is looked up
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /** Whether the address (4 or 16 bytes; an IPv4-mapped IPv6 address counts as its IPv4) is in the block. */
    public boolean contains(byte[] address) {
        byte[] candidate = address.length == 16 && network.length == 4 ? mappedV4(address) : address;
        if (candidate == null || candidate.length != network.length) {
            return false;
        }
        return java.util.Arrays.equals(mask(candidate, prefix), network);
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 one ({@code ::ffff:a.b.c.d}), or null. */
    static byte[] mappedV4(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return null;
            }
        }
        if (v6[10] != (byte) 0xff || v6[11] != (byte) 0xff) {
            return null;
        }
        return new byte[] {v6[12], v6[13], v6[14], v6[15]};
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] &= (byte) (0xff << (8 - keep));
        }
        return masked;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange range && range.prefix == prefix && java.util.Arrays.equals(range.network, network);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
        return text;
    }
}
