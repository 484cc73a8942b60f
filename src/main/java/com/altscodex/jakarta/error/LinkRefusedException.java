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
}
