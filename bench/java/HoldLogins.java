import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Opens N connections to the server, sends one {@code POST /api/login} on each and keeps them all
 * open until each is answered or closed. wrk cannot do this: it sends the next request as soon as
 * one is answered, and the point here is N logins waiting at once.
 *
 * <p>One thread and one selector, so the loader itself needs no thread per connection either.
 * Bounded: it stops at the deadline whatever happens.
 *
 * <pre>java HoldLogins PORT COUNT JWT_PREFIX DEADLINE_SECONDS</pre>
 *
 * The caller learns that the logins wait from the mock's counters, not from here. At the end it
 * prints one line:
 * {@code answered=… lost=… unanswered=… shutdown=… first_answer_ms=… last_answer_ms=… status_503=…}
 * (times are epoch milliseconds, to compare with the moment the caller sent SIGTERM).
 */
public final class HoldLogins {
    /** Connections being opened at once: more would overflow the server's accept backlog. */
    private static final int CONNECTING_AT_ONCE = 200;
    private static final int MAX_ANSWER_BYTES = 8192;

    /** One login: its request still to write, then the answer read so far. */
    private static final class Login {
        final ByteBuffer request;
        final ByteBuffer answer = ByteBuffer.allocate(MAX_ANSWER_BYTES);
        boolean connected;

        Login(ByteBuffer request) {
            this.request = request;
        }
    }

    private final int port;
    private final int count;
    private final String jwtPrefix;
    private final long deadlineNanos;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private int opened;
    private int connecting;
    private int sent;
    private int finished;
    private long firstAnswerMillis;
    private long lastAnswerMillis;

    private HoldLogins(int port, int count, String jwtPrefix, int deadlineSeconds) {
        this.port = port;
        this.count = count;
        this.jwtPrefix = jwtPrefix;
        this.deadlineNanos = System.nanoTime() + deadlineSeconds * 1_000_000_000L;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: HoldLogins PORT COUNT JWT_PREFIX DEADLINE_SECONDS");
            System.exit(2);
        }
        new HoldLogins(Integer.parseInt(args[0]), Integer.parseInt(args[1]), args[2],
                Integer.parseInt(args[3])).run();
    }

    private void run() throws IOException {
        try (Selector selector = Selector.open()) {
            while (finished < count && System.nanoTime() < deadlineNanos) {
                while (opened < count && connecting < CONNECTING_AT_ONCE) {
                    open(selector);
                }
                selector.select(100);
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    handle(key);
                }
            }
            // whatever is still open at the deadline was never answered
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
        }
        int lost = outcomes.getOrDefault("lost", 0);
        int connectFailed = outcomes.getOrDefault("connect_failed", 0);
        StringBuilder line = new StringBuilder()
                .append("opened=").append(opened)
                .append(" sent=").append(sent)
                .append(" answered=").append(finished - lost - connectFailed)
                .append(" lost=").append(lost)
                .append(" connect_failed=").append(connectFailed)
                .append(" unanswered=").append(count - finished)
                .append(" shutdown=").append(outcomes.getOrDefault("shutdown", 0))
                .append(" first_answer_ms=").append(firstAnswerMillis)
                .append(" last_answer_ms=").append(lastAnswerMillis);
        outcomes.forEach((name, n) -> {
            if (name.startsWith("status_")) {
                line.append(' ').append(name).append('=').append(n);
            }
        });
        System.out.println(line);
    }

    private void open(Selector selector) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        String body = "{\"jwt\":\"" + jwtPrefix + opened + "\"}";
        String request = "POST /api/login HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "\r\n" + body;
        Login login = new Login(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        opened++;
        try {
            if (channel.connect(new InetSocketAddress("127.0.0.1", port))) {
                login.connected = true;
                channel.register(selector, SelectionKey.OP_WRITE, login);
            } else {
                connecting++;
                channel.register(selector, SelectionKey.OP_CONNECT, login);
            }
        } catch (IOException refused) {
            // e.g. out of file descriptors: this login never reached the server
            channel.close();
            finished++;
            count("connect_failed");
        }
    }

    private void handle(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        Login login = (Login) key.attachment();
        try {
            if (key.isConnectable()) {
                channel.finishConnect();
                login.connected = true;
                connecting--;
                key.interestOps(SelectionKey.OP_WRITE);
            } else if (key.isWritable()) {
                channel.write(login.request);
                if (!login.request.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                    sent++;
                }
            } else if (key.isReadable()) {
                int read = channel.read(login.answer);
                // end of stream, a whole answer, or more than we keep: done with this login
                if (read < 0 || answerComplete(login.answer) || !login.answer.hasRemaining()) {
                    settle(key, login.answer);
                }
            }
        } catch (IOException reset) {
            if (!login.connected) {
                connecting--;
                login.connected = true;
            }
            settle(key, login.answer);
        }
    }

    /** Records what the connection got (a status, or nothing: lost) and closes it. */
    private void settle(SelectionKey key, ByteBuffer answer) throws IOException {
        key.cancel();
        key.channel().close();
        finished++;
        String text = new String(answer.array(), 0, answer.position(), StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.") || text.length() < 12) {
            count("lost");
            return;
        }
        long now = System.currentTimeMillis();
        if (firstAnswerMillis == 0) {
            firstAnswerMillis = now;
        }
        lastAnswerMillis = now;
        String status = text.substring(9, 12);
        count("status_" + status);
        if (status.equals("503") && text.contains("\"SHUTDOWN\"")) {
            count("shutdown");
        }
    }

    private void count(String outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    /** Headers plus Content-Length bytes of body, or a chunked body's last chunk. */
    private static boolean answerComplete(ByteBuffer answer) {
        String text = new String(answer.array(), 0, answer.position(), StandardCharsets.ISO_8859_1);
        int headersEnd = text.indexOf("\r\n\r\n");
        if (headersEnd < 0) {
            return false;
        }
        String headers = text.substring(0, headersEnd).toLowerCase();
        int length = headers.indexOf("\ncontent-length:");
        if (length >= 0) {
            int end = headers.indexOf('\r', length + 1);
            String value = headers.substring(length + 16, end < 0 ? headers.length() : end).trim();
            return text.length() - headersEnd - 4 >= Integer.parseInt(value);
        }
        return headers.contains("transfer-encoding: chunked") ? text.endsWith("0\r\n\r\n") : false;
    }
}
