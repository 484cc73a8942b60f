package driver;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 request on a connection of its own, as the script's curl sent it: a probe's time
 * includes the connect, and no pool keeps a connection between two probes. Bounded by a total
 * timeout ({@code curl -m}). Answers larger than a probe needs are not its concern.
 */
final class Http {
    /** the status (0 when there was none: curl's "000"), the body, and the time the exchange took */
    record Answer(int status, String body, double seconds) {
        /** the status as curl's {@code %{http_code}} prints it */
        String code() {
            return String.format(Locale.ROOT, "%03d", status);
        }

        /** curl's {@code %{http_code} %{time_total}} */
        String codeAndTime() {
            return code() + " " + Num.fixed(seconds, 6);
        }
    }

    private Http() {
    }

    static Answer get(String url, int timeoutSeconds) {
        return exchange("GET", url, null, timeoutSeconds);
    }

    /** a JSON body */
    static Answer post(String url, String json, int timeoutSeconds) {
        return exchange("POST", url, json, timeoutSeconds);
    }

    /** the login the health checks send: {@code {"jwt":"test-bench-probe"}}, its status as curl printed it */
    static String loginStatus(String base) {
        return post(base + "/api/login", "{\"jwt\":\"test-bench-probe\"}", 5).code();
    }

    static Answer exchange(String method, String url, String json, int timeoutSeconds) {
        long started = System.nanoTime();
        long deadline = started + timeoutSeconds * 1_000_000_000L;
        URI uri = URI.create(url);
        int status = 0;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), remaining(deadline));
            byte[] content = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder()
                    .append(method).append(' ').append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("User-Agent: bench\r\nAccept: */*\r\n");
            if (json != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            Reader in = new Reader(socket, deadline);
            long length = -1;
            boolean chunked = false;
            do {   // 1xx answers come before the real one
                String statusLine = in.line();
                String[] parts = statusLine.split(" ");
                if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                    throw new IOException("not HTTP: " + statusLine);
                }
                status = Integer.parseInt(parts[1]);
                for (String header = in.line(); !header.isEmpty(); header = in.line()) {
                    String lower = header.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Long.parseLong(header.substring(15).trim());
                    } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                        chunked = true;
                    }
                }
            } while (status >= 100 && status < 200);
            if (method.equals("HEAD") || status == 204 || status == 304) {
                length = 0;
            }
            if (chunked) {
                for (long size = Long.parseLong(in.line().split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(in.line().split(";")[0].trim(), 16)) {
                    in.copy(size, body);
                    in.line();
                }
            } else if (length >= 0) {
                in.copy(length, body);
            } else {
                in.copy(Long.MAX_VALUE, body);
            }
        } catch (IOException | RuntimeException e) {
            // no status (connect refused, timeout) or a broken answer: curl prints what it had
        }
        return new Answer(status, body.toString(StandardCharsets.UTF_8), (System.nanoTime() - started) / 1e9);
    }

    private static int remaining(long deadline) throws SocketTimeoutException {
        long ms = (deadline - System.nanoTime()) / 1_000_000;
        if (ms <= 0) {
            throw new SocketTimeoutException("the total timeout ran out");
        }
        return (int) Math.min(ms, Integer.MAX_VALUE);
    }

    /** the answer's bytes, every read bounded by what is left of the total timeout */
    private static final class Reader {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;

        Reader(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.deadline = deadline;
        }

        private int read() throws IOException {
            socket.setSoTimeout(remaining(deadline));
            return in.read();
        }

        String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = read(); b != '\n'; b = read()) {
                if (b < 0) {
                    if (line.length() == 0) {
                        throw new IOException("closed");
                    }
                    break;
                }
                line.append((char) b);
            }
            int end = line.length();
            return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
        }

        void copy(long count, ByteArrayOutputStream to) throws IOException {
            byte[] buffer = new byte[8192];
            while (count > 0) {
                socket.setSoTimeout(remaining(deadline));
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, count));
                if (n < 0) {
                    return;
                }
                to.write(buffer, 0, n);
                count -= n;
            }
        }
    }
}
