package com.altscodex.jakarta.error;

import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * Every way a login, a DeOAuth call or a session check can fail. Each member carries its {@link ErrorCode}, so
 * callers switch on {@link #code()} (or on the type) instead of matching message text, and the
 * HTTP status is {@code code().status()}.
 *
 * <p>Messages are written for the person reading a log or an HTTP answer: they never hold the
 * client secret, a JWT, an authorization code or an access token.
 */
public abstract sealed class AltsCodexException extends RuntimeException
        permits BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException,
        BodyTimeoutException, ExpiredTokenException, AuthorizeFailedException,
        CallbackRejectedException, CallbackTimeoutException, UpstreamHttpException,
        UpstreamUnavailableException, OverloadedException, StoreUnavailableException, ShutdownException,
        NotAuthenticatedException, AccessDeniedException, LinkRefusedException, RateLimitedException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    AltsCodexException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /**
     * What a failed stage failed with: the module's own exception, out of any
     * {@code CompletionException} around it, or anything else as an {@link UpstreamHttpException}
     * of {@code call} that names only the failure's type (its message may quote what it was given).
     */
    public static AltsCodexException of(Throwable failure, String call) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof AltsCodexException e ? e : new UpstreamHttpException(call, 0, cause.getClass().getSimpleName());
    }

    /** {@code code}, where it is one of the {@code codes} a member stands for. */
    static ErrorCode oneOf(Set<ErrorCode> codes, ErrorCode code) {
        if (!codes.contains(code)) {
            throw new IllegalArgumentException(code + " is not one of " + codes);
        }
        return code;
    }

    /** @return the stable code of the module's JSON error */
    public ErrorCode code() {
        return code;
    }

    /** @return the HTTP status the failure is answered with */
    public int status() {
        return code.status();
    }
}
