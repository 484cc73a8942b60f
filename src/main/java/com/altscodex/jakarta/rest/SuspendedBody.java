package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.config.BackendExecutors;
import com.altscodex.jakarta.config.RequestLimits;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.BadRequestException;
import com.altscodex.jakarta.error.PayloadTooLargeException;
import com.altscodex.jakarta.error.ShutdownException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A suspended request's body, read by the module itself as bytes: without a thread while the
 * client sends (a non-blocking read), never past {@code altscodex.max-body}. A body that cannot be
 * had is answered on {@code response} here, with {@code Connection: close}; a whole one is
 * {@code parse}d, and what it holds goes to {@code onParsed}, or the parser's refusal to the client.
 */
final class SuspendedBody {
    private static final Duration GONE_GRACE = Duration.ofSeconds(2);

    private SuspendedBody() {
    }

    static <T> void read(HttpServletRequest request, RequestLimits limits, BackendExecutors executors,
            AsyncResponse response, Function<byte[], T> parse, Consumer<T> onParsed) {
        Consumer<byte[]> onBody = body -> {
            T parsed;
            try {
                parsed = parse.apply(body);
            } catch (AltsCodexException refused) {
                response.resume(LoginJson.failure(refused));
                return;
            }
            onParsed.accept(parsed);
        };
        // a body cut short leaves the rest of it on the connection: it must not be read as a request
        Consumer<AltsCodexException> onRefused = refused -> response.resume(Response
                .fromResponse(LoginJson.failure(refused)).header("Connection", "close").build());
        // the server ends the exchange of a client that left; should it not, the answer ends it
        Runnable onGone = () -> executors.timers().schedule(() -> {
            if (!response.isDone()) {
                onRefused.accept(new BadRequestException("the body could not be read"));
            }
        }, GONE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        try {
            long length = request.getContentLengthLong();
            if (length > limits.maxBody() && (length > BodyReader.MAX_DRAINED
                    || "100-continue".equalsIgnoreCase(request.getHeader("Expect")))) {
                // too much to read and drop, or the client waits for our word before it sends: say no at once
                onRefused.accept(new PayloadTooLargeException(limits.maxBody()));
            } else if (request.isAsyncStarted()) {
                ServletInputStream in = request.getInputStream();
                if (arrived(in, length, limits)) {
                    // the whole body came with the headers, as a login's usually does: reading it
                    // cannot block, and a read listener would cost a hop onto the container's
                    // thread pool, a deadline task, and a reader kept while the login waits
                    onBody.accept(in.readNBytes((int) length));
                } else {
                    BodyReader.start(in, length, limits, executors.timers(), onBody, onRefused, onGone);
                }
            } else {
                onBody.accept(bounded(request.getInputStream(), limits.maxBody()));
            }
        } catch (PayloadTooLargeException refused) {
            onRefused.accept(refused);
        } catch (RejectedExecutionException stopping) {
            onRefused.accept(new ShutdownException());
        } catch (IOException | IllegalStateException unreadable) {
            onRefused.accept(new BadRequestException("the body could not be read"));
        }
    }

    /**
     * Whether the declared body is already in the server's buffer. Where the server counts less
     * than is there ({@code available()} may be 0 before the first read), the read stays non-blocking.
     */
    private static boolean arrived(ServletInputStream in, long length, RequestLimits limits) throws IOException {
        return length >= 0 && length <= limits.maxBody() && in.available() >= length;
    }

    /** Where the runtime did not suspend through the servlet container: a read that blocks, but only so far. */
    private static byte[] bounded(InputStream body, int maxBody) throws IOException {
        byte[] bytes = body.readNBytes(maxBody + 1);
        if (bytes.length > maxBody) {
            throw new PayloadTooLargeException(maxBody);
        }
        return bytes;
    }
}
