package com.altscodex.jakarta.error;

/** The backend is shutting down, or has shut down, and answers no more logins (503). */
public final class ShutdownException extends AltsCodexException {
    private static final long serialVersionUID = 1L;

    public ShutdownException() {
        super(ErrorCode.SHUTDOWN, "the server is shutting down");
    }
}
