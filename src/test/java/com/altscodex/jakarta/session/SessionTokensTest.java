package com.altscodex.jakarta.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.config.SigningKeys;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.session.SessionTokens.Issued;
import com.altscodex.jakarta.session.SessionTokens.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SessionTokensTest {
    private static final byte[] OLD_KEY = key(1);
    private static final byte[] NEW_KEY = key(2);
    private static final Instant NOON = Instant.parse("2026-12-03T12:00:00Z");
    private static final Duration TTL = Duration.ofHours(12);

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i * 7);
        }
        return key;
    }

    private static SessionTokens tokens(Instant now, byte[]... keys) {
        return new SessionTokens(SigningKeys.of(List.of(keys)), TTL, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void anIssuedSessionVerifiesWithItsUserAndTimes() {
        Issued issued = tokens(NOON, OLD_KEY).issue("slot-42", "Alice ✓");
        Verdict verdict = tokens(NOON.plusSeconds(60), OLD_KEY).verify(issued.token());
        assertTrue(verdict.isValid(), verdict.reason());
        assertEquals(new SessionUser("slot-42", "Alice ✓", NOON, NOON.plus(TTL)), verdict.user());
        assertEquals("slot-42", verdict.user().getName());
        assertTrue(issued.token().matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), issued.token());
    }

    @Test
    void itIsAStandardHs256JwtWithTheKeyIdInItsHeader() throws Exception {
        String token = tokens(NOON, OLD_KEY).issue("slot-42", "alice").token();
        String[] parts = token.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(header.matches("\\{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"[A-Za-z0-9_-]{8}\"}"), header);
        assertTrue(claims.matches("\\{\"sub\":\"slot-42\",\"nick\":\"alice\",\"iat\":" + NOON.getEpochSecond() + ",\"exp\":"
                + NOON.plus(TTL).getEpochSecond() + ",\"jti\":\"[A-Za-z0-9_-]{22}\",\"iat_ms\":" + NOON.toEpochMilli() + "}"), claims);
        assertNotEquals(claims, new String(Base64.getUrlDecoder().decode(tokens(NOON, OLD_KEY).issue("slot-42", "alice")
                .token().split("\\.")[1]), StandardCharsets.UTF_8), "each session has an id of its own");
        // any JWT library checks it: the MAC is HMAC-SHA256 over "header.claims"
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(OLD_KEY, "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(expected), parts[2]);
    }

    @Test
    void aSessionPastItsLifetimeIsExpired() {
        String token = tokens(NOON, OLD_KEY).issue("slot-42", null).token();
        assertTrue(tokens(NOON.plus(TTL).minusSeconds(1), OLD_KEY).verify(token).isValid());
        Verdict late = tokens(NOON.plus(TTL), OLD_KEY).verify(token);
        assertEquals(ErrorCode.SESSION_EXPIRED, late.refusal());
        assertNull(late.user());
    }

    @Test
    void aRotatedKeyListSignsWithTheFirstAndStillAcceptsTheOld() {
        String old = tokens(NOON, OLD_KEY).issue("slot-1", "a").token();
        SessionTokens rotated = tokens(NOON, NEW_KEY, OLD_KEY);
        assertTrue(rotated.verify(old).isValid(), "a session signed before the rotation still holds");
        String fresh = rotated.issue("slot-2", "b").token();
        assertTrue(rotated.verify(fresh).isValid());
        Verdict onOldReplica = tokens(NOON, OLD_KEY).verify(fresh);
        assertEquals(ErrorCode.SESSION_INVALID, onOldReplica.refusal(), "signed with a key the old list lacks");
        assertTrue(onOldReplica.reason().contains("key"), onOldReplica.reason());
    }

    @Test
    void aChangedClaimOrSignatureIsRefused() {
        SessionTokens tokens = tokens(NOON, OLD_KEY);
        String token = tokens.issue("slot-42", "alice").token();
        String[] parts = token.split("\\.");
        String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"slot-admin\",\"iat\":" + NOON.getEpochSecond() + ",\"exp\":9999999999}")
                        .getBytes(StandardCharsets.UTF_8));
        for (String tampered : List.of(parts[0] + "." + otherClaims + "." + parts[2],
                parts[0] + "." + parts[1] + "." + flipFirst(parts[2]),
                parts[0] + "." + parts[1] + "." + parts[2].substring(1))) {
            Verdict verdict = tokens.verify(tampered);
            assertFalse(verdict.isValid(), tampered);
            assertEquals(ErrorCode.SESSION_INVALID, verdict.refusal(), tampered);
        }
    }

    @Test
    void noneAlgorithmsForeignShapesAndJunkAreRefused() {
        SessionTokens tokens = tokens(NOON, OLD_KEY);
        String[] parts = tokens.issue("slot-42", "alice").token().split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String noKid = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        for (String junk : List.of("", "a.b", "a.b.c.d", none + "." + parts[1] + ".", none + "." + parts[1] + "." + parts[2],
                noKid + "." + parts[1] + "." + parts[2], "x".repeat(5000) + ".a.b", parts[0] + "=." + parts[1] + "." + parts[2],
                "!!!.???.###", "e30.e30.e30")) {
            Verdict verdict = tokens.verify(junk);
            assertEquals(ErrorCode.SESSION_INVALID, verdict.refusal(), junk);
        }
        assertEquals(ErrorCode.SESSION_INVALID, tokens.verify(null).refusal());
    }

    @Test
    void aSessionIssuedFarInTheFutureIsNotOurs() {
        String ahead = tokens(NOON.plus(Duration.ofHours(1)), OLD_KEY).issue("slot-42", null).token();
        assertEquals(ErrorCode.SESSION_INVALID, tokens(NOON, OLD_KEY).verify(ahead).refusal());
        String slightlyAhead = tokens(NOON.plusSeconds(30), OLD_KEY).issue("slot-42", null).token();
        assertTrue(tokens(NOON, OLD_KEY).verify(slightlyAhead).isValid(), "replicas' clocks differ a little");
    }

    @Test
    void keysShorterThan256BitsAreRefusedAndNothingPrintsAKeyOrAToken() {
        assertThrows(IllegalArgumentException.class, () -> SigningKeys.of(List.of(new byte[31])));
        assertThrows(IllegalArgumentException.class, () -> SigningKeys.of(List.of()));
        SigningKeys keys = SigningKeys.of(List.of(NEW_KEY, OLD_KEY));
        String printed = keys.toString();
        assertFalse(printed.contains(Base64.getEncoder().encodeToString(NEW_KEY)), printed);
        assertEquals(2, keys.size());
        Issued issued = tokens(NOON, OLD_KEY).issue("slot-42", "alice");
        assertFalse(issued.toString().contains(issued.token()), issued.toString());
    }

    @Test
    void keysAreReadAsStandardOrUrlSafeBase64() {
        byte[] key = key(3);
        assertTrue(java.util.Arrays.equals(key, SigningKeys.decode(Base64.getEncoder().encodeToString(key))));
        assertTrue(java.util.Arrays.equals(key, SigningKeys.decode(
                " " + Base64.getUrlEncoder().withoutPadding().encodeToString(key) + " ")));
        assertThrows(IllegalArgumentException.class, () -> SigningKeys.decode("not base64!"));
    }

    /** The first character carries six bits of the MAC (the last one's low bits are only padding). */
    private static String flipFirst(String part) {
        return (part.charAt(0) == 'A' ? 'B' : 'A') + part.substring(1);
    }
}
