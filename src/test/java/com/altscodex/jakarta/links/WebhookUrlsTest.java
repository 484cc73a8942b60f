package com.altscodex.jakarta.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.error.BadRequestException;
import com.altscodex.jakarta.error.ErrorCode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WebhookUrlsTest {
    /** Names a test resolver knows; literals resolve as the JDK would (no lookup for them). */
    private static final Map<String, List<String>> NAMES = Map.of(
            "hooks.game.example", List.of("93.184.216.34"),
            "mixed.example", List.of("93.184.216.34", "10.1.2.3"),
            "localhost", List.of("127.0.0.1", "::1"),
            "metadata.example", List.of("169.254.169.254"),
            "v6.example", List.of("2606:4700::1111"),
            "receiver.internal", List.of("10.0.0.5"));

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        List<String> addresses = NAMES.get(host);
        if (addresses == null) {
            if (Character.digit(host.charAt(0), 16) >= 0 || host.contains(":")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] resolved = new InetAddress[addresses.size()];
        for (int i = 0; i < resolved.length; i++) {
            resolved[i] = InetAddress.getByName(addresses.get(i));
        }
        return resolved;
    }

    private final WebhookUrls urls = new WebhookUrls(Set.of("receiver.internal:8081", "127.0.0.1:9000"), WebhookUrlsTest::resolve);

    private String refusal(String url) {
        BadRequestException refused = assertThrows(BadRequestException.class, () -> urls.check(url), url);
        assertEquals(ErrorCode.WEBHOOK_URL_REFUSED, refused.code());
        return refused.getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://127.0.0.1/hook | a loopback address",
            "https://localhost/hook | a loopback address",
            "https://[::1]/hook | a loopback address",
            "https://169.254.169.254/latest/meta-data | a link-local address",
            "https://metadata.example/ | a link-local address",
            "https://10.0.0.5/ | a private address",
            "https://172.16.9.1/ | a private address",
            "https://192.168.1.1/ | a private address",
            "https://[fd00::1]/ | a private address",
            "https://[fe80::1]/ | a link-local address",
            "https://100.64.0.1/ | a carrier-grade NAT address",
            "https://0.0.0.0/ | an unspecified address",
            "https://[::]/ | an unspecified address",
            "https://224.0.0.1/ | a multicast address",
            "https://[ff02::1]/ | a multicast address",
            "https://255.255.255.255/ | broadcast",
            "https://[::ffff:127.0.0.1]/ | resolves to 127.0.0.1, a loopback address",
            "https://[::127.0.0.1]/ | a loopback address (inside an IPv6 address)",
            "https://[::ffff:a9fe:a9fe]/ | resolves to 169.254.169.254, a link-local address",
            "https://[64:ff9b::10.0.0.1]/ | a private address (inside an IPv6 address)",
            "https://[2002:7f00:1::]/ | a loopback address (inside an IPv6 address)",
            "https://mixed.example/ | resolves to 10.1.2.3, a private address",
            "http://2130706433/ | a number in another form",
            "https://2130706433/ | a number in another form",
            "https://0x7f000001/ | a number in another form",
            "https://0x7f.0.0.1/ | a number in another form",
            "https://0177.0.0.1/ | a number in another form",
            "https://017700000001/ | a number in another form",
            "https://127.1/ | a number in another form",
            "https://999.1.1.1:8443/ | a number in another form",
            "https://a_b.example/ | is not a host name",
            "http://hooks.game.example/ | must be https",
            "http://receiver.internal/ | must be https",
            "ftp://hooks.game.example/ | ftp: is not one",
            "file:///etc/passwd | file: is not one",
            "gopher://hooks.game.example/ | gopher: is not one",
            "//hooks.game.example/ | it has no scheme",
            "https://user:pass@hooks.game.example/ | user name or password",
            "https://user@hooks.game.example/ | user name or password",
            "https://hooks.game.example/#frag | fragment",
            "https:///nohost | has no host",
            "https://unknown.example/ | cannot be resolved",
            "https://hooks game/ | not a URL"})
    void refusesWhatWouldReachIntoTheNetworkAndSaysWhy(String url, String why) {
        String message = refusal(url);
        assertTrue(message.contains(why), message);
        assertTrue(message.startsWith("webhook_url"), message);
    }

    @Test
    void aUrlTooLongOrBlankIsRefused() {
        assertTrue(refusal("https://hooks.game.example/" + "a".repeat(WebhookUrls.MAX_URL)).contains("at most 2048"));
        assertTrue(refusal(" ").contains("absolute https URL"));
        assertTrue(refusal(null).contains("absolute https URL"));
    }

    @Test
    void aPublicHttpsHostIsCalledAtTheAddressThatWasChecked() {
        WebhookUrls.Target target = urls.check("https://hooks.game.example/altscodex/done?game=7");
        assertEquals("93.184.216.34", target.address().getHostAddress());
        assertEquals("hooks.game.example", target.hostHeader());
        assertEquals("/altscodex/done?game=7", target.pathAndQuery());
        assertTrue(target.https());
        assertFalse(target.allowListed());
        assertEquals("[2606:4700::1111]:8443", urls.check("https://[2606:4700::1111]:8443").hostHeader());
        assertEquals("/", urls.check("https://v6.example").pathAndQuery());
        assertEquals("HOOKS.game.example".toLowerCase(), urls.check("HTTPS://HOOKS.game.example/").host());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://receiver.internal:8081/hook", "http://127.0.0.1:9000/hook", "https://receiver.internal:8081/"})
    void anAllowListedHostAndPortMaySpeakPlainHttpIntoTheNetwork(String url) {
        WebhookUrls.Target target = urls.check(url);
        assertTrue(target.allowListed());
        assertTrue(refusal(url.replaceFirst(":(8081|9000)", ":8082")).contains("webhook"),
                "the allow list matches host and port exactly");
    }

    @Test
    void theRangesAreTheirBoundsAndNoMore() {
        assertNull(WebhookUrls.blockedKind(new byte[] {(byte) 172, 32, 0, 1}));
        assertNull(WebhookUrls.blockedKind(new byte[] {(byte) 172, 15, (byte) 255, (byte) 255}));
        assertNull(WebhookUrls.blockedKind(new byte[] {100, (byte) 128, 0, 0}));
        assertNull(WebhookUrls.blockedKind(new byte[] {(byte) 169, (byte) 253, 0, 1}));
        assertNull(WebhookUrls.blockedKind(new byte[] {8, 8, 8, 8}));
        assertEquals("a private address", WebhookUrls.blockedKind(new byte[] {(byte) 172, 31, (byte) 255, (byte) 255}));
        assertEquals("a carrier-grade NAT address", WebhookUrls.blockedKind(new byte[] {100, 127, (byte) 255, (byte) 255}));
    }
}
