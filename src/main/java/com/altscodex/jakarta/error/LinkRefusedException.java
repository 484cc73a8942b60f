package com.altscodex.jakarta.error;

import java.util.Set;

/**
 * A login link cannot be used: {@link ErrorCode#LINK_NOT_FOUND} (404), {@link ErrorCode#LINK_USED}
 * (409) or {@link ErrorCode#LINK_EXPIRED} (410).
 */
public final class LinkRefusedException extends AltsCodexException {
    private static final long serialVersionUID = 1L;
    private static final Set<ErrorCode> CODES = Set.of(ErrorCode.LINK_NOT_FOUND, ErrorCode.LINK_USED, ErrorCode.LINK_EXPIRED);

    public LinkRefusedException(ErrorCode code, String message) {
        super(oneOf(CODES, code), message);
    }

    /** A token, id or code that is no login link of this server's. */
    public static LinkRefusedException notFound() {
        return new LinkRefusedException(ErrorCode.LINK_NOT_FOUND, "this is not a login link of this server");
    }

    public static LinkRefusedException used() {
        return new LinkRefusedException(ErrorCode.LINK_USED, "this login link has been used already: a link logs in once");
    }

    public static LinkRefusedException expired() {
        return new LinkRefusedException(ErrorCode.LINK_EXPIRED, "this login link has expired: ask for a new one");
    }
}
