package com.altscodex.jakarta.pending;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What a Redis command's stage failed with, out of the futures' wrappers around it. */
final class StageFailure {
    private StageFailure() {
    }

    /** The first cause that is not a {@code CompletionException} or {@code ExecutionException}. */
    static Throwable of(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
