package com.altscodex.jakarta.error;

/** The body is not JSON or a form in UTF-8 (415). */
public final class UnsupportedMediaTypeException extends AltsCodexException {
    private static final long serialVersionUID = 1L;

    public UnsupportedMediaTypeException(String message) {
        super(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message);
    }
}
