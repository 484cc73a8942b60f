package com.altscodex.jakarta.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AltsCodexExceptionTest {

    @Test
    void eachMemberSaysItsCodeAndStatus() {
        Map<AltsCodexException, Integer> expected = Map.of(
                new BadRequestException("x"), 400,
                new ExpiredTokenException(), 401,
                new CallbackTimeoutException(Duration.ofSeconds(15)), 408,
                new AuthorizeFailedException("X", null), 502,
                new CallbackRejectedException(null), 502,
                new UpstreamHttpException("get_token", 500, null), 502,
                new UpstreamUnavailableException(), 502,
                new OverloadedException(1, 2), 503,
                new StoreUnavailableException(), 503,
                new ShutdownException(), 503);
        expected.forEach((exception, status) -> assertEquals(status, exception.status(), exception.code().name()));
        assertEquals("EXPIRED_TOKEN", new ExpiredTokenException().code().name());
        assertEquals(10, ErrorCode.values().length);
    }

    @Test
    void theFamilyIsSealed() {
        assertTrue(AltsCodexException.class.isSealed());
        assertEquals(10, AltsCodexException.class.getPermittedSubclasses().length);
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
