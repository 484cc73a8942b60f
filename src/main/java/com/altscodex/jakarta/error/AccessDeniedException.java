package com.altscodex.jakarta.error;

import java.util.Set;

/**
 * The caller is known but may not do this (403): {@link ErrorCode#FORBIDDEN} (a role is missing)
 * or {@link ErrorCode#CROSS_SITE_REQUEST} (a cookie sent by another site's page).
 */
public final class AccessDeniedException extends AltsCodexException {
    private static final long serialVersionUID = 1L;
    private static final Set<ErrorCode> CODES = Set.of(ErrorCode.FORBIDDEN, ErrorCode.CROSS_SITE_REQUEST);

    public AccessDeniedException(ErrorCode code, String message) {
        super(oneOf(CODES, code), message);
    }
}
