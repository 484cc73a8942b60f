package com.altscodex.jakarta.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AltsCodexExceptionTest {

    @Test
    void eachMemberSaysItsCodeAndStatus() {
        Map<AltsCodexException, Integer> expected = Map.ofEntries(
                Map.entry(new BadRequestException("x"), 400),
                Map.entry(new BadRequestException(ErrorCode.WEBHOOK_URL_REFUSED, "x"), 400),
                Map.entry(new RateLimitedException(3), 429),
                Map.entry(new NotAuthenticatedException(ErrorCode.SESSION_REVOKED, "x"), 401),
                Map.entry(new PayloadTooLargeException(16), 413),
                Map.entry(new UnsupportedMediaTypeException("x"), 415),
                Map.entry(new BodyTimeoutException(Duration.ofSeconds(1)), 408),
                Map.entry(new ExpiredTokenException(), 401),
                Map.entry(new CallbackTimeoutException(Duration.ofSeconds(15)), 408),
                Map.entry(new AuthorizeFailedException("X", null), 502),
                Map.entry(new CallbackRejectedException(null), 502),
                Map.entry(new UpstreamHttpException("get_token", 500, null), 502),
                Map.entry(new UpstreamUnavailableException(), 502),
                Map.entry(new OverloadedException(1, 2), 503),
                Map.entry(new StoreUnavailableException(), 503),
                Map.entry(new ShutdownException(), 503),
                Map.entry(new NotAuthenticatedException(ErrorCode.SESSION_EXPIRED, "x"), 401),
                Map.entry(new AccessDeniedException(ErrorCode.CROSS_SITE_REQUEST, "x"), 403),
                Map.entry(new NotAuthenticatedException(ErrorCode.API_KEY_INVALID, "x"), 401),
                Map.entry(new LinkRefusedException(ErrorCode.LINK_NOT_FOUND, "x"), 404),
                Map.entry(new LinkRefusedException(ErrorCode.LINK_USED, "x"), 409),
                Map.entry(new LinkRefusedException(ErrorCode.LINK_EXPIRED, "x"), 410));
        expected.forEach((exception, status) -> assertEquals(status, exception.status(), exception.code().name()));
        assertEquals("EXPIRED_TOKEN", new ExpiredTokenException().code().name());
        assertEquals(25, ErrorCode.values().length);
    }

    @Test
    void aSessionRefusalTakesOnlyACodeOfItsStatus() {
        assertThrows(IllegalArgumentException.class, () -> new NotAuthenticatedException(ErrorCode.FORBIDDEN, "x"));
        assertThrows(IllegalArgumentException.class, () -> new AccessDeniedException(ErrorCode.SESSION_INVALID, "x"));
        assertThrows(IllegalArgumentException.class, () -> new BadRequestException(ErrorCode.RATE_LIMITED, "x"));
    }

    @Test
    void theFamilyIsSealed() {
        assertTrue(AltsCodexException.class.isSealed());
        assertEquals(17, AltsCodexException.class.getPermittedSubclasses().length);
    }

    @Test
    void errorCodesAreQuotedButAuthorizationCodesNeverAre() {
        assertTrue(new CallbackRejectedException("ACCESS_DENIED").getMessage().contains("ACCESS_DENIED"));
        assertTrue(new AuthorizeFailedException("invalid_client", null).getMessage().contains("invalid_client"));
        String authCode = "mock-code-4f1c2a9b7e";
        assertFalse(new CallbackRejectedException(authCode).getMessage().contains(authCode));
        assertFalse(new CallbackRejectedException("aB3xY9zQ0pL").getMessage().contains("aB3xY9zQ0pL"));
    }
}
