package com.altscodex.jakarta.links;

import com.altscodex.jakarta.error.BadRequestException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.logging.Logger;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Posts a settled link's outcome to its {@code webhook_url}, signed ({@link WebhookSignature}) and
 * with a nonce the retries share, so a receiver can tell a retry from a new event. Retried with
 * backoff only when no answer came or the answer was 5xx; any other status is the receiver's word
 * and is never retried (a redirect is not followed). A delivery that does not get through is logged
 * once at WARNING with the link's id.
 *
 * <p>Each attempt checks the URL again ({@link WebhookUrls}) and connects to the very address that
 * check accepted, over a socket of its own: no JAX-RS or JDK client lets a caller choose the address
 * a host name connects to, and a second lookup by the client could answer with an inside address
 * (DNS rebinding). HTTPS still verifies the certificate against the host's name. An attempt may
 * take {@code connectTimeout + readTimeout} and blocks a thread meanwhile, so at most
 * {@value #IN_FLIGHT} run at once on the shared work pool, which the DeOAuth calls need too.
 */
final class Webhooks implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Before the first try: nothing; then 1 s, 2 s and 4 s. */
    static final List<Duration> BACKOFF = List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4));
    static final int IN_FLIGHT = 4;
    static final int MAX_WAITING = 10_000;
    /** The most of an answer read: its status line is all that counts. */
    static final int MAX_ANSWER = 64 * 1024;

    private final byte[] secret;
    private final ExecutorService work;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final WebhookUrls urls;
    private final SSLSocketFactory tls;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final BiConsumer<String, String> refusedAtDelivery;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean toldFull = new AtomicBoolean();
    private volatile boolean closed;

    /**
     * @param refusedAtDelivery told the link's id and why, when a URL accepted at issue is refused
     *                          at delivery (its host now resolves inside the network)
     */
    Webhooks(byte[] secret, ExecutorService work, ScheduledExecutorService timers, Clock clock, WebhookUrls urls,
            BiConsumer<String, String> refusedAtDelivery) {
        this(secret, work, timers, clock, urls, refusedAtDelivery, defaultTls(), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    Webhooks(byte[] secret, ExecutorService work, ScheduledExecutorService timers, Clock clock, WebhookUrls urls,
            BiConsumer<String, String> refusedAtDelivery, SSLSocketFactory tls, Duration connectTimeout, Duration readTimeout) {
        this.secret = secret;
        this.work = work;
        this.timers = timers;
        this.clock = clock;
        this.urls = urls;
        this.refusedAtDelivery = refusedAtDelivery;
        this.tls = tls;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    private static SSLSocketFactory defaultTls() {
        try {
            return SSLContext.getDefault().getSocketFactory();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has a default TLS context", e);
        }
    }

    boolean enabled() {
        return secret != null;
    }

    WebhookUrls urls() {
        return urls;
    }

    /** Sends {@code outcome} (the link's settled JSON) to {@code url}, in the background. */
    void deliver(String linkId, String url, JsonObject outcome) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String body = JSON.createObjectBuilder(outcome).add("nonce", HexFormat.of().formatHex(nonce)).build().toString();
        attempt(linkId, url, body, 0);
    }

    private void attempt(String linkId, String url, String body, int attempt) {
        if (closed) {
            return;
        }
        try {
            timers.schedule(() -> enqueue(linkId, () -> send(linkId, url, body, attempt)),
                    BACKOFF.get(attempt).toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.fine(() -> "webhook of link " + linkId + " not sent: the server is stopping");
        }
    }

    private void enqueue(String linkId, Runnable send) {
        if (waitingCount.incrementAndGet() > MAX_WAITING) {
            waitingCount.decrementAndGet();
            if (toldFull.compareAndSet(false, true)) {
                LOG.warning(() -> "webhook of link " + linkId + " dropped: " + MAX_WAITING
                        + " deliveries wait already (the receivers are slow or away)");
            }
            return;
        }
        waiting.add(send);
        drain();
    }

    /** Starts waiting deliveries while fewer than {@value #IN_FLIGHT} run. */
    private void drain() {
        while (true) {
            int running = inFlight.get();
            if (running >= IN_FLIGHT || waiting.isEmpty()) {
                return;
            }
            if (!inFlight.compareAndSet(running, running + 1)) {
                continue;
            }
            Runnable next = waiting.poll();
            if (next == null) {
                inFlight.decrementAndGet();
                continue;
            }
            waitingCount.decrementAndGet();
            try {
                work.execute(() -> {
                    try {
                        next.run();
                    } finally {
                        inFlight.decrementAndGet();
                        drain();
                    }
                });
            } catch (RejectedExecutionException stopping) {
                inFlight.decrementAndGet();
                return;
            }
        }
    }

    private void send(String linkId, String url, String body, int attempt) {
        if (closed) {
            return;
        }
        WebhookUrls.Target target;
        try {
            target = urls.check(url);
        } catch (BadRequestException refused) {
            LOG.warning(() -> "webhook of link " + linkId + " not delivered: " + refused.getMessage() + "; not retried");
            refusedAtDelivery.accept(linkId, refused.getMessage());
            return;
        }
        String signature = WebhookSignature.sign(secret, clock.instant().getEpochSecond(), body);
        int status;
        try {
            status = post(target, body, signature);
        } catch (IOException | RuntimeException noAnswer) {
            retryOrGiveUp(linkId, url, body, attempt, "no answer (" + noAnswer.getClass().getSimpleName() + ")");
            return;
        }
        if (status >= 200 && status < 300) {
            LOG.fine(() -> "webhook of link " + linkId + " delivered (HTTP " + status + ")");
        } else if (status >= 500) {
            retryOrGiveUp(linkId, url, body, attempt, "HTTP " + status);
        } else {
            LOG.warning(() -> "webhook of link " + linkId + " refused by its receiver with HTTP " + status
                    + (status >= 300 && status < 400 ? " (a redirect, not followed)" : "") + ": not retried");
        }
    }

    /** One POST to the checked address; the answer's status. */
    int post(WebhookUrls.Target target, String body, String signature) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + connectTimeout.toNanos() + readTimeout.toNanos();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(target.address(), target.port()), (int) connectTimeout.toMillis());
            plain.setSoTimeout((int) readTimeout.toMillis());
            Socket socket = target.https() ? secured(plain, target) : plain;
            try {
                OutputStream out = socket.getOutputStream();
                String head = "POST " + target.pathAndQuery() + " HTTP/1.1\r\n"
                        + "Host: " + target.hostHeader() + "\r\n"
                        + "User-Agent: altscodex-jakarta\r\n"
                        + "Content-Type: application/json\r\n"
                        + "Content-Length: " + content.length + "\r\n"
                        + WebhookSignature.HEADER + ": " + signature + "\r\n"
                        + "Connection: close\r\n\r\n";
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(content);
                out.flush();
                return status(socket, deadline);
            } finally {
                if (socket != plain) {
                    socket.close();
                }
            }
        }
    }

    private SSLSocket secured(Socket plain, WebhookUrls.Target target) throws IOException {
        SSLSocket socket = (SSLSocket) tls.createSocket(plain, target.host(), target.port(), true);
        SSLParameters parameters = socket.getSSLParameters();
        // the certificate must name the host written in the URL, whatever address was connected to
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!target.host().contains(":") && !Character.isDigit(target.host().charAt(target.host().length() - 1))) {
            parameters.setServerNames(List.of(new SNIHostName(target.host())));
        }
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    /** The status of the answer's first line, read within the deadline and at most {@link #MAX_ANSWER} bytes. */
    private static int status(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int read = 0;
        while (read < MAX_ANSWER) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("the answer took longer than its deadline");
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left))));
            int b = in.read();
            if (b < 0) {
                break;
            }
            read++;
            if (b == '\n') {
                String first = line.toString(StandardCharsets.ISO_8859_1).trim();
                String[] parts = first.split(" ");
                if (parts.length >= 2 && parts[0].startsWith("HTTP/") && parts[1].matches("\\d{3}")) {
                    return Integer.parseInt(parts[1]);
                }
                throw new IOException("the answer is no HTTP");
            }
            line.write(b);
        }
        throw new IOException("no status line in the answer");
    }

    private void retryOrGiveUp(String linkId, String url, String body, int attempt, String what) {
        if (attempt + 1 < BACKOFF.size()) {
            LOG.fine(() -> "webhook of link " + linkId + ": " + what + ", trying again");
            attempt(linkId, url, body, attempt + 1);
        } else {
            LOG.warning(() -> "webhook of link " + linkId + " not delivered after " + BACKOFF.size() + " tries: " + what);
        }
    }

    @Override
    public void close() {
        closed = true;
        waiting.clear();
    }
}
