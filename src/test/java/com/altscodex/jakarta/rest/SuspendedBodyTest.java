package com.altscodex.jakarta.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.config.BackendExecutors;
import com.altscodex.jakarta.config.RequestLimits;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.AsyncResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a suspended request's body is read: at once when it is all there, else without blocking. */
class SuspendedBodyTest {
    private static final RequestLimits LIMITS = new RequestLimits(1024, 512, Duration.ofSeconds(5));
    private static final byte[] BODY = "{\"jwt\":\"test-jwt-alice\"}".getBytes(StandardCharsets.UTF_8);

    private final BackendExecutors executors = BackendExecutors.standalone();

    @AfterEach
    void stopPools() {
        executors.work().shutdownNow();
        executors.timers().shutdownNow();
    }

    @Test
    void aBodyThatCameWithTheHeadersIsReadInTheCallingThreadWithoutAListener() {
        Body in = new Body(BODY, BODY.length);
        AtomicReference<Thread> parsedIn = new AtomicReference<>();
        AtomicReference<byte[]> parsed = new AtomicReference<>();
        SuspendedBody.read(request(in, BODY.length), LIMITS, executors, unanswered(), body -> body, body -> {
            parsedIn.set(Thread.currentThread());
            parsed.set(body);
        });
        assertArrayEquals(BODY, parsed.get());
        assertEquals(Thread.currentThread(), parsedIn.get());
        assertNull(in.listener, "no read listener for a body already in the buffer");
    }

    @Test
    void aBodyStillOnItsWayIsLeftToAReadListener() {
        Body in = new Body(BODY, BODY.length - 1);
        AtomicReference<byte[]> parsed = new AtomicReference<>();
        SuspendedBody.read(request(in, BODY.length), LIMITS, executors, unanswered(), body -> body, parsed::set);
        assertTrue(in.listener instanceof BodyReader);
        assertNull(parsed.get());
        assertEquals(BODY.length, in.remaining(), "nothing read in blocking mode");
    }

    @Test
    void aBodyOfUnknownLengthIsLeftToAReadListener() {
        Body in = new Body(BODY, BODY.length);
        SuspendedBody.read(request(in, -1), LIMITS, executors, unanswered(), body -> body, body -> { });
        assertTrue(in.listener instanceof BodyReader);
    }

    @Test
    void aReadListenerKeepsNoBufferOnceTheBodyIsRead() throws Exception {
        Body in = new Body(BODY, BODY.length - 1);
        AtomicReference<byte[]> parsed = new AtomicReference<>();
        SuspendedBody.read(request(in, BODY.length), LIMITS, executors, unanswered(), body -> body, parsed::set);
        in.listener.onDataAvailable();
        in.listener.onAllDataRead();
        assertArrayEquals(BODY, parsed.get());
        // the container keeps its listener for as long as the login waits: 10,000 waiting logins kept
        // 10,000 readers with their 2 KB buffers on Open Liberty
        for (Field field : BodyReader.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                Object held = field.get(in.listener);
                assertFalse(held instanceof byte[] || held instanceof ByteArrayOutputStream,
                        "the reader still holds its " + field.getName());
            }
        }
    }

    /** A servlet body that reports {@code available} bytes as buffered and keeps the listener it is given. */
    private static final class Body extends ServletInputStream {
        private final ByteArrayInputStream bytes;
        private final int available;
        ReadListener listener;

        Body(byte[] content, int available) {
            this.bytes = new ByteArrayInputStream(content);
            this.available = available;
        }

        int remaining() {
            return bytes.available();
        }

        @Override
        public int available() {
            return Math.min(available, bytes.available());
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener readListener) {
            listener = readListener;
        }
    }

    private static HttpServletRequest request(ServletInputStream in, long length) {
        return (HttpServletRequest) Proxy.newProxyInstance(SuspendedBodyTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContentLengthLong" -> length;
                    case "isAsyncStarted" -> true;
                    case "getInputStream" -> in;
                    case "getHeader" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The body's reading must not answer the request in these cases. */
    private static AsyncResponse unanswered() {
        return (AsyncResponse) Proxy.newProxyInstance(SuspendedBodyTest.class.getClassLoader(),
                new Class<?>[] {AsyncResponse.class}, (proxy, method, args) -> {
                    throw new AssertionError("answered: " + method.getName());
                });
    }
}
