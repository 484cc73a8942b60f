import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A hostile client's oversized bodies: COUNT concurrent {@code POST /api/login}, each a
 * JSON object whose {@code jwt} is JWT_CHARS characters long, streamed from a small buffer so the
 * client itself holds no body in memory.
 *
 * <p>Each connection reads its answer while it is still sending: a server that refuses the body
 * early (413) and closes makes the rest of the upload fail, which is fine once a status was read.
 * Bounded: every socket gives up at the deadline.
 *
 * <pre>java BigBodies PORT COUNT JWT_CHARS DEADLINE_SECONDS</pre>
 *
 * Prints one line:
 * {@code clients=… status_413=… reset_before_status=… no_answer=… sent_whole=… elapsed_ms=… slowest_ms=…}
 * ({@code sent_whole}: how many uploaded their whole body before the answer; {@code no_answer}: the
 * deadline passed with the connection open and no status; {@code slowest_ms}: the last status).
 */
public final class BigBodies {
    private static final int BUFFER = 64 * 1024;

    /** What one connection got. */
    private static final class Outcome {
        volatile String status;          // "413", … or null
        volatile boolean sentWhole;
        volatile boolean reset;          // the connection failed before a status was read
        volatile boolean timedOut;
        volatile long answeredNanos;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: BigBodies PORT COUNT JWT_CHARS DEADLINE_SECONDS");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        long jwtChars = Long.parseLong(args[2]);
        int deadlineSeconds = Integer.parseInt(args[3]);

        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(deadlineSeconds);
        List<Outcome> outcomes = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < count; i++) {
            Outcome outcome = new Outcome();
            outcomes.add(outcome);
            int n = i;
            Thread thread = new Thread(() -> post(port, n, jwtChars, deadline, go, outcome), "big-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        go.countDown();
        for (Thread thread : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 2000;
            thread.join(Math.max(1, left));
        }
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        Map<String, Integer> statuses = new TreeMap<>();
        int reset = 0;
        int noAnswer = 0;
        int sentWhole = 0;
        long slowest = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.sentWhole) {
                sentWhole++;
            }
            if (outcome.status != null) {
                statuses.merge(outcome.status, 1, Integer::sum);
                slowest = Math.max(slowest, TimeUnit.NANOSECONDS.toMillis(outcome.answeredNanos - started));
            } else if (outcome.reset) {
                reset++;
            } else {
                noAnswer++;
            }
        }
        StringBuilder line = new StringBuilder("clients=").append(count);
        statuses.forEach((status, n) -> line.append(" status_").append(status).append('=').append(n));
        line.append(" reset_before_status=").append(reset)
                .append(" no_answer=").append(noAnswer)
                .append(" sent_whole=").append(sentWhole)
                .append(" elapsed_ms=").append(elapsed)
                .append(" slowest_ms=").append(slowest);
        System.out.println(line);
    }

    private static void post(int port, int n, long jwtChars, long deadline, CountDownLatch go, Outcome outcome) {
        byte[] prefix = ("{\"jwt\":\"test-big-" + n + "-").getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = "\"}".getBytes(StandardCharsets.US_ASCII);
        long filler = jwtChars - (prefix.length - 8); // the jwt's characters after its own prefix
        long length = prefix.length + filler + suffix.length;
        try (Socket socket = new Socket()) {
            go.await();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(250);
            Thread reader = new Thread(() -> readStatus(socket, deadline, outcome), "big-reader-" + n);
            reader.setDaemon(true);
            reader.start();
            OutputStream out = socket.getOutputStream();
            try {
                out.write(("POST /api/login HTTP/1.1\r\n"
                        + "Host: 127.0.0.1:" + port + "\r\n"
                        + "Content-Type: application/json\r\n"
                        + "Content-Length: " + length + "\r\n"
                        + "Connection: close\r\n"
                        + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(prefix);
                byte[] buffer = new byte[BUFFER];
                Arrays.fill(buffer, (byte) 'a');
                long left = filler;
                while (left > 0 && outcome.status == null && !outcome.reset && System.nanoTime() < deadline) {
                    int chunk = (int) Math.min(buffer.length, left);
                    out.write(buffer, 0, chunk);
                    left -= chunk;
                }
                if (left == 0) {
                    out.write(suffix);
                    out.flush();
                    outcome.sentWhole = outcome.status == null;
                }
            } catch (IOException writeFailed) {
                // the server closed or reset while we were sending: the reader tells whether a status came first
            }
            reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 500));
        } catch (IOException | InterruptedException e) {
            if (outcome.status == null) {
                outcome.reset = true;
            }
        }
    }

    /** Reads until the status line is in, the connection ends, or the deadline passes. */
    private static void readStatus(Socket socket, long deadline, Outcome outcome) {
        byte[] buffer = new byte[8192];
        StringBuilder head = new StringBuilder();
        try {
            InputStream in = socket.getInputStream();
            while (System.nanoTime() < deadline) {
                int read;
                try {
                    read = in.read(buffer);
                } catch (SocketTimeoutException notYet) {
                    continue;
                }
                if (read < 0) {
                    break;
                }
                head.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
                if (head.length() >= 12 && head.indexOf("\r\n") > 0) {
                    if (head.toString().startsWith("HTTP/1.")) {
                        outcome.answeredNanos = System.nanoTime();
                        outcome.status = head.substring(9, 12);
                    }
                    break;
                }
            }
            if (outcome.status == null && System.nanoTime() >= deadline) {
                outcome.timedOut = true;
            } else if (outcome.status == null) {
                outcome.reset = true;
            }
        } catch (IOException e) {
            if (outcome.status == null) {
                outcome.reset = true;
            }
        }
    }
}
