package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.config.RequestLimits;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.BodyTimeoutException;
import com.altscodex.jakarta.error.PayloadTooLargeException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Collects a request body with a non-blocking {@link ReadListener}, so a client that sends a byte
 * now and then holds a connection and at most {@code altscodex.max-body} bytes, never a thread.
 * It ends once, in one of three ways: the whole body ({@code onBody}), a body above the limit
 * (413, reported once the client has sent it all, the rest read and dropped, so a client that
 * sends before it reads still reads the answer), or a client slower than
 * {@code altscodex.body-timeout} (408); or the client goes away first ({@code onGone}).
 *
 * <p>The container calls the read callbacks one at a time; the deadline comes from a timer thread.
 * Every step holds the lock, and nothing reads the stream once the outcome is known.
 */
final class BodyReader implements ReadListener {
    private static final Logger LOG = Logger.getLogger(BodyReader.class.getName());
    /** What a refused client may still send while it waits for its 413; past it, it is answered at once. */
    static final long MAX_DRAINED = 16L * 1024 * 1024;
    /** How long past its deadline a client that still sends may wait for its next byte to be answered. */
    private static final Duration QUIET = Duration.ofSeconds(1);

    private enum State { READING, DRAINING, DONE }

    private final ServletInputStream in;
    private final RequestLimits limits;
    private final Consumer<byte[]> onBody;
    private final Consumer<AltsCodexException> onRefused;
    private final Runnable onGone;
    /** Dropped once the body is read: the container keeps its read listener as long as the login waits. */
    private ByteArrayOutputStream body;
    private byte[] chunk = new byte[2048];
    private final long deadline;
    private State state = State.READING;
    private AltsCodexException refusal;
    private long drained;
    private long lastData;
    private ScheduledExecutorService timers;
    private Future<?> check;

    private BodyReader(ServletInputStream in, RequestLimits limits, long length, Consumer<byte[]> onBody,
            Consumer<AltsCodexException> onRefused, Runnable onGone) {
        this.in = in;
        this.limits = limits;
        this.onBody = onBody;
        this.onRefused = onRefused;
        this.onGone = onGone;
        this.body = new ByteArrayOutputStream(length > 0 && length <= limits.maxBody() ? (int) length : 512);
        this.lastData = System.nanoTime();
        this.deadline = lastData + limits.bodyTimeout().toNanos();
        if (length > limits.maxBody()) {
            refusal = new PayloadTooLargeException(limits.maxBody());
            state = State.DRAINING;
        }
    }

    /**
     * Starts reading {@code in}, whose request must be in asynchronous mode.
     *
     * @param length the declared Content-Length, or -1
     */
    static void start(ServletInputStream in, long length, RequestLimits limits, ScheduledExecutorService timers,
            Consumer<byte[]> onBody, Consumer<AltsCodexException> onRefused, Runnable onGone) {
        BodyReader reader = new BodyReader(in, limits, length, onBody, onRefused, onGone);
        synchronized (reader) {
            reader.timers = timers;
            reader.check = timers.schedule(reader::onDeadline, limits.bodyTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
        in.setReadListener(reader);
    }

    @Override
    public synchronized void onDataAvailable() throws IOException {
        if (state == State.DONE) {
            return;
        }
        lastData = System.nanoTime();
        if (lastData - deadline > 0) {
            timeOut();
            return;
        }
        while (state != State.DONE && in.isReady()) {
            int n = in.read(chunk);
            if (n < 0) {
                return;
            }
            if (state == State.READING) {
                if (body.size() + n > limits.maxBody()) {
                    refusal = new PayloadTooLargeException(limits.maxBody());
                    state = State.DRAINING;
                } else {
                    body.write(chunk, 0, n);
                }
            } else {
                drained += n;
                if (drained > MAX_DRAINED) {
                    refuse(refusal);
                }
            }
        }
    }

    @Override
    public synchronized void onAllDataRead() {
        if (state == State.READING) {
            byte[] bytes = body.toByteArray();
            end();
            onBody.accept(bytes);
        } else if (state == State.DRAINING) {
            refuse(refusal);
        }
    }

    @Override
    public synchronized void onError(Throwable failure) {
        // the client went away (or broke its framing, and the server closes the connection): an
        // answer now would only fail to be written, so the endpoint is told in its own time
        LOG.log(Level.FINE, "a request body could not be read: {0}", failure.getClass().getSimpleName());
        if (state != State.DONE) {
            end();
            onGone.run();
        }
    }

    /**
     * The deadline passed. A client still sending is answered from its next read callback, on the
     * container's thread for its connection, rather than from this timer while a read of it may be
     * under way.
     */
    private synchronized void onDeadline() {
        if (state == State.DONE) {
            return;
        }
        if (System.nanoTime() - lastData < QUIET.toNanos()) {
            check = timers.schedule(this::onDeadline, QUIET.toNanos(), TimeUnit.NANOSECONDS);
            return;
        }
        timeOut();
    }

    private void timeOut() {
        refuse(state == State.DRAINING ? refusal : new BodyTimeoutException(limits.bodyTimeout()));
    }

    private void refuse(AltsCodexException failure) {
        end();
        onRefused.accept(failure);
    }

    private void end() {
        state = State.DONE;
        body = null;
        chunk = null;
        if (check != null) {
            check.cancel(false);
        }
    }
}
