package com.altscodex.jakarta.client;

/**
 * The DeOAuth server did not answer, or answered 5xx: the failures that count against the
 * circuit breaker. A 4xx or a {@code success:false} is an answer and never counts. Internal:
 * {@link DeOAuthClient} turns it into the login's {@code AltsCodexException}.
 */
public final class UpstreamOutageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient WireAnswer answer;
    private final String failureKind;

    UpstreamOutageException(String endpoint, WireAnswer answer, String failureKind) {
        super(endpoint + (answer == null ? " gave no answer (" + failureKind + ")" : " answered HTTP " + answer.status()),
                null, false, false);
        this.answer = answer;
        this.failureKind = failureKind;
    }

    /** Why there was no answer ({@code ConnectException}, …), or null when there was one. */
    public String failureKind() {
        return failureKind;
    }

    /** The 5xx answer, or null when there was none. */
    public WireAnswer answer() {
        return answer;
    }
}
