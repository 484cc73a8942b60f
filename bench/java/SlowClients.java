import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Slow clients: keeps COUNT connections each sending {@code POST /api/login} with
 * {@code Transfer-Encoding: chunked} and then one body byte per chunk every INTERVAL_MS, spread
 * out over the interval. The body never ends within the run. When the server answers or closes a
 * connection, that slot opens a new one (not sooner than a second after its last one was opened),
 * so there are COUNT slow clients all the time, and at most COUNT new connections a second.
 *
 * <p>One thread and one selector, like {@code HoldLogins}. Bounded: it stops after SECONDS.
 *
 * <pre>java SlowClients PORT COUNT SECONDS INTERVAL_MS</pre>
 *
 * Prints one line: {@code opened=… connect_failed=… answered=… reset=… open_at_end=… open_min=…
 * body_bytes=… answer_ms_min=… answer_ms_p50=… answer_ms_max=… status_408=…} ({@code reset}: closed
 * or reset before a status was read; {@code open_min}: the fewest connections open at once after
 * the first two seconds; {@code answer_ms}: from opening a connection to its status).
 */
public final class SlowClients {
    private static final int CONNECTING_AT_ONCE = 200;
    private static final long REOPEN_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final byte[] BODY_START = "{\"jwt\":\"fail-slow-".getBytes(StandardCharsets.US_ASCII);

    /** One slow client: at most one connection at a time. */
    private static final class Slot {
        SocketChannel channel;
        boolean connected;
        long openedAt;
        long nextByteAt;
        long reopenAt;
        int bodyBytes;
        ByteBuffer pending;
        final ByteBuffer answer = ByteBuffer.allocate(64);
    }

    private final int port;
    private final int count;
    private final long intervalNanos;
    private final long started = System.nanoTime();
    private final long deadline;
    private final byte[] headers;
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final List<Long> answerMillis = new ArrayList<>();
    private int opened;
    private int connectFailed;
    private int connecting;
    private int open;
    private int openMin = Integer.MAX_VALUE;
    private int reset;
    private long bodyBytes;

    private SlowClients(int port, int count, int seconds, int intervalMillis) {
        this.port = port;
        this.count = count;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.deadline = started + TimeUnit.SECONDS.toNanos(seconds);
        this.headers = ("POST /api/login HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: SlowClients PORT COUNT SECONDS INTERVAL_MS");
            System.exit(2);
        }
        new SlowClients(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3])).run();
    }

    private void run() throws IOException {
        Slot[] slots = new Slot[count];
        for (int i = 0; i < count; i++) {
            slots[i] = new Slot();
        }
        try (Selector selector = Selector.open()) {
            long now;
            while ((now = System.nanoTime()) < deadline) {
                for (int i = 0; i < count; i++) {
                    Slot slot = slots[i];
                    if (slot.channel == null) {
                        if (now >= slot.reopenAt && connecting < CONNECTING_AT_ONCE) {
                            open(selector, slot, now, i);
                        }
                    } else if (slot.connected && now >= slot.nextByteAt) {
                        sendByte(slot);
                        slot.nextByteAt += intervalNanos;
                    }
                }
                if (now - started > TimeUnit.SECONDS.toNanos(2)) {
                    openMin = Math.min(openMin, open);
                }
                selector.select(10);
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    handle(key, (Slot) key.attachment());
                }
            }
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
        }
        Collections.sort(answerMillis);
        StringBuilder line = new StringBuilder()
                .append("opened=").append(opened)
                .append(" connect_failed=").append(connectFailed)
                .append(" answered=").append(answerMillis.size())
                .append(" reset=").append(reset)
                .append(" open_at_end=").append(open)
                .append(" open_min=").append(openMin == Integer.MAX_VALUE ? open : openMin)
                .append(" body_bytes=").append(bodyBytes)
                .append(" answer_ms_min=").append(answerMillis.isEmpty() ? 0 : answerMillis.get(0))
                .append(" answer_ms_p50=").append(answerMillis.isEmpty() ? 0 : answerMillis.get(answerMillis.size() / 2))
                .append(" answer_ms_max=").append(answerMillis.isEmpty() ? 0 : answerMillis.get(answerMillis.size() - 1));
        statuses.forEach((status, n) -> line.append(" status_").append(status).append('=').append(n));
        System.out.println(line);
    }

    private void open(Selector selector, Slot slot, long now, int index) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        slot.channel = channel;
        slot.connected = false;
        slot.openedAt = now;
        slot.bodyBytes = 0;
        slot.answer.clear();
        slot.pending = ByteBuffer.wrap(headers);
        // the first byte of each slot falls at its own point of the interval: spread out, not in bursts
        slot.nextByteAt = now + intervalNanos * index / count + intervalNanos / 2;
        opened++;
        open++;
        try {
            if (channel.connect(new InetSocketAddress("127.0.0.1", port))) {
                connected(slot);
                channel.register(selector, SelectionKey.OP_READ, slot);
            } else {
                connecting++;
                channel.register(selector, SelectionKey.OP_CONNECT, slot);
            }
        } catch (IOException refused) {
            connectFailed++;
            close(slot);
        }
    }

    private void connected(Slot slot) throws IOException {
        slot.connected = true;
        flush(slot);
    }

    private void handle(SelectionKey key, Slot slot) throws IOException {
        try {
            if (key.isConnectable()) {
                slot.channel.finishConnect();
                connecting--;
                key.interestOps(SelectionKey.OP_READ);
                connected(slot);
            } else if (key.isReadable()) {
                read(slot);
            }
        } catch (IOException e) {
            if (!slot.connected) {
                connecting--;
                connectFailed++;
                close(slot);
            } else {
                finish(slot);
            }
        }
    }

    /** One chunk of one byte; whatever the socket does not take now goes out before the next. */
    private void sendByte(Slot slot) throws IOException {
        if (slot.pending != null && slot.pending.hasRemaining()) {
            flush(slot);
            return;
        }
        byte b = slot.bodyBytes < BODY_START.length ? BODY_START[slot.bodyBytes] : (byte) 'a';
        slot.pending = ByteBuffer.wrap(new byte[] {'1', '\r', '\n', b, '\r', '\n'});
        slot.bodyBytes++;
        bodyBytes++;
        flush(slot);
    }

    private void flush(Slot slot) throws IOException {
        try {
            slot.channel.write(slot.pending);
        } catch (IOException closed) {
            finish(slot);
        }
    }

    private void read(Slot slot) throws IOException {
        int read = slot.channel.read(slot.answer);
        String text = new String(slot.answer.array(), 0, slot.answer.position(), StandardCharsets.ISO_8859_1);
        if (text.length() >= 12 && text.startsWith("HTTP/1.")) {
            statuses.merge(text.substring(9, 12), 1, Integer::sum);
            answerMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - slot.openedAt));
            close(slot);
        } else if (read < 0 || !slot.answer.hasRemaining()) {
            finish(slot);
        }
    }

    /** The connection ended or failed: a status may still be waiting in the socket. */
    private void finish(Slot slot) throws IOException {
        if (slot.channel == null) {
            return;
        }
        try {
            slot.channel.read(slot.answer);
        } catch (IOException ignored) {
            // nothing more to read
        }
        String text = new String(slot.answer.array(), 0, slot.answer.position(), StandardCharsets.ISO_8859_1);
        if (text.length() >= 12 && text.startsWith("HTTP/1.")) {
            statuses.merge(text.substring(9, 12), 1, Integer::sum);
            answerMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - slot.openedAt));
        } else {
            reset++;
        }
        close(slot);
    }

    private void close(Slot slot) throws IOException {
        if (slot.channel == null) {
            return;
        }
        slot.channel.close();
        slot.channel = null;
        open--;
        long now = System.nanoTime();
        slot.reopenAt = Math.max(now + TimeUnit.MILLISECONDS.toNanos(100), slot.openedAt + REOPEN_AFTER_NANOS);
    }
}
