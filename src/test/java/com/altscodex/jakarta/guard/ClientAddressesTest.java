package com.altscodex.jakarta.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.altscodex.jakarta.config.AddressRange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client's address: the peer's, or what trusted proxies forwarded, read from the right. */
class ClientAddressesTest {
    private final ClientAddresses behindProxies = new ClientAddresses(List.of(AddressRange.parse("10.0.0.0/8"),
            AddressRange.parse("2001:db8:ffff::/48")));

    private String of(ClientAddresses addresses, String peer, Map<String, String> headers) {
        return addresses.of(FakeRequests.request("GET", "/api/link", headers, peer));
    }

    @Test
    void withoutTrustedProxiesTheHeadersChangeNothing() {
        ClientAddresses direct = new ClientAddresses(List.of());
        assertEquals("203.0.113.9", of(direct, "203.0.113.9", Map.of("X-Forwarded-For", "198.51.100.1")));
        assertEquals("203.0.113.9", of(behindProxies, "203.0.113.9", Map.of("X-Forwarded-For", "198.51.100.1",
                "Forwarded", "for=198.51.100.2")), "a peer that is no proxy of ours: its headers are its own invention");
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedAddressCounts() {
        assertEquals("198.51.100.1", of(behindProxies, "10.0.0.2", Map.of("X-Forwarded-For", "198.51.100.1")));
        assertEquals("198.51.100.1", of(behindProxies, "10.0.0.2", Map.of("X-Forwarded-For", "6.6.6.6, 198.51.100.1, 10.0.0.7")),
                "a client's forged entry is on the left of what our proxies appended");
        assertEquals("198.51.100.1", of(behindProxies, "10.0.0.2", Map.of("X-Forwarded-For", "198.51.100.1:4711")));
        assertEquals("2001:db8:1:0:0:0:0:5", of(behindProxies, "10.0.0.2", Map.of("X-Forwarded-For", "[2001:db8:1::5]:443")));
        assertEquals("10.0.0.9", of(behindProxies, "10.0.0.2", Map.of("X-Forwarded-For", "10.0.0.9, 10.0.0.7")),
                "all trusted: the first of the chain");
        assertEquals("10.0.0.2", of(behindProxies, "10.0.0.2", Map.of()), "nothing forwarded: the peer");
        assertEquals("198.51.100.1", of(behindProxies, "::ffff:10.0.0.2", Map.of("X-Forwarded-For", "198.51.100.1")),
                "an IPv4-mapped peer is its IPv4 address");
    }

    @Test
    void forwardedIsReadWhereNoXForwardedForCame() {
        assertEquals("192.0.2.60", of(behindProxies, "10.0.0.2", Map.of("Forwarded", "for=192.0.2.60;proto=http;by=10.0.0.2")));
        assertEquals("2001:db8:cafe:0:0:0:0:17", of(behindProxies, "10.0.0.2",
                Map.of("Forwarded", "for=192.0.2.43, for=\"[2001:db8:cafe::17]:4711\"")));
        assertEquals("unknown", of(behindProxies, "10.0.0.2", Map.of("Forwarded", "for=unknown")));
        assertEquals("_hidden", of(behindProxies, "10.0.0.2", Map.of("Forwarded", "for=_hidden, for=10.0.0.3")));
    }

    @Test
    void whatIsNoAddressStaysABoundedToken() {
        String forged = "x".repeat(500) + "\r\nSet-Cookie: a=b";
        String client = of(behindProxies, "10.0.0.2", Map.of("X-Forwarded-For", forged));
        assertEquals(64, client.length(), client);
        assertEquals(-1, client.indexOf('\n'));
    }
}
